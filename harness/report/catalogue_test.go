package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// it makes the Ginkgo report of one It at a line of a suite file.
func it(line int, text string, labels ...string) types.SpecReport {
	return types.SpecReport{LeafNodeType: types.NodeTypeIt, LeafNodeText: text,
		LeafNodeLabels: labels, ContainerHierarchyTexts: []string{"Deregistering"},
		LeafNodeLocation: types.CodeLocation{
			FileName: "/src/x/suites/deregister/idle_test.go", LineNumber: line}}
}

func TestCatalogueProblems(t *testing.T) {
	suite := types.Report{SuitePath: "/src/x/suites/deregister", SpecReports: []types.SpecReport{
		it(10, "[A10] fine", "documented"),
		it(11, "[A2] fine, needs a capability", "observed", "task-state", "Serial"),
		it(12, "no ID at all", "documented"),
		it(13, "[A3] no evidence"),
		it(14, "[A4] two evidence labels", "documented", "inferred"),
		it(15, "[A2] repeated", "documented"),
		it(16, "[Z1] no such row", "documented"),
		it(17, "[A5] an unknown label", "documented", "teleport"),
	}}
	cat, errs := CatalogueFrom([]types.Report{suite})

	var got []string
	for _, err := range errs {
		got = append(got, err.Error())
	}
	want := []string{
		"suites/deregister/idle_test.go:12: its text does not start with a behaviour ID",
		"suites/deregister/idle_test.go:13: want exactly one evidence label " +
			"(documented, observed, inferred), got []",
		"suites/deregister/idle_test.go:14: want exactly one evidence label",
		"suites/deregister/idle_test.go:15: ID A2 repeats (first at " +
			"suites/deregister/idle_test.go:11)",
		"suites/deregister/idle_test.go:16: its ID Z1 names no row",
		"suites/deregister/idle_test.go:17: unknown label \"teleport\"",
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("no problem %q in:\n%s", w, joined)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), joined)
	}

	// Natural order (A10 after A5), specs without an ID last.
	if cat[0].ID != "A2" || cat[5].ID != "A10" || cat[6].ID != "Z1" || cat[7].ID != "" {
		t.Errorf("not in natural order: %v", cat)
	}
	a2 := cat[0]
	if a2.Text != "Deregistering › fine, needs a capability" || a2.Evidence != "observed" ||
		strings.Join(a2.Capabilities, ",") != "task-state" {
		t.Errorf("A2: got %+v", a2)
	}
}

// TestCatalogueIsCurrent lists the suite's specs with a Ginkgo dry run and checks them:
// every spec has an ID and one evidence label, no ID repeats, every sentence of the page is
// checked by a spec or excused, and the checked-in catalogue is what the suite generates.
func TestCatalogueIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ginkgo --dry-run over the suite")
	}
	ctx := context.Background()
	root, err := ModuleRoot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reports, err := DryRun(ctx, root)
	if err != nil {
		t.Fatal(err)
	}

	cat, problems := CatalogueFrom(reports)
	for _, p := range problems {
		t.Errorf("spec: %v", p)
	}
	if len(cat) == 0 {
		t.Fatalf("the dry run found no spec")
	}
	for _, p := range behaviours.CheckCoverage(cat.RowsWithSpecs()) {
		t.Errorf("page sentence %s", p)
	}

	checkedIn, err := os.ReadFile(filepath.Join(root, CataloguePath))
	if err != nil {
		t.Fatalf("%v: generate it with `%s`", err, CatalogueCommand)
	}
	if string(checkedIn) != CatalogueMarkdown(cat) {
		t.Errorf("%s is stale: the suite's specs changed. Regenerate it with `%s` and "+
			"commit it", CataloguePath, CatalogueCommand)
	}
}
