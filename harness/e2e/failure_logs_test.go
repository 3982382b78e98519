package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/ecs-conformance/deregister/harness/container"
)

// TestAFailingContainerRunKeepsItsEvidence runs one spec against the reference image started
// with a defect, so that the spec fails, and checks what a person investigating needs is
// there: the endpoint container's log next to the reports, the wire exchange in the JSON
// report; and that the container is gone.
func TestAFailingContainerRunKeepsItsEvidence(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the suite")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := container.EngineAvailable(ctx); err != nil {
		t.Skipf("no Docker engine: %v", err)
	}
	image, err := container.BuildReferenceImage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	binary := buildSuite(t)
	reports := t.TempDir()

	run := exec.CommandContext(ctx, binary, "-ginkgo.no-color", "-ginkgo.focus=\\[B1\\]",
		"-ginkgo.json-report="+filepath.Join(reports, "report.json"))
	run.Dir = repositoryRoot(t)
	run.Env = append(os.Environ(), "ECS_CONFORMANCE_IMAGE="+image,
		"ECS_CONFORMANCE_IMAGE_CMD=-defects stays-active", "ECS_CONFORMANCE_REPORTS="+reports)
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	owner := fmt.Sprintf("%s=%s/%d", container.LabelOwner, hostname(t), run.Process.Pid)
	if err := run.Wait(); err == nil {
		t.Fatal("B1 passed against a reference that keeps deregistered instances ACTIVE")
	}

	log, err := os.ReadFile(filepath.Join(reports, "endpoint-logs", "B1.log"))
	if err != nil {
		t.Fatalf("the endpoint's log of the failing spec was not saved: %v", err)
	}
	if !strings.Contains(string(log), "DeregisterContainerInstance") {
		t.Errorf("the saved log does not show the requests:\n%s", log)
	}
	if !hasReportEntry(t, filepath.Join(reports, "report.json"), "[B1]", "wire") {
		t.Errorf("the JSON report carries no wire exchange for the failing spec")
	}
	if left := containersOf(t, owner); left != "" {
		t.Errorf("containers left after the failing run: %s", left)
	}
}

// hasReportEntry tells whether the spec whose text starts with prefix carries a report entry
// called name in the Ginkgo JSON report at path.
func hasReportEntry(t *testing.T, path, prefix, name string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var reports []types.Report
	if err := json.Unmarshal(data, &reports); err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		for _, spec := range r.SpecReports {
			if !strings.HasPrefix(spec.LeafNodeText, prefix) {
				continue
			}
			for _, entry := range spec.ReportEntries {
				if entry.Name == name {
					return true
				}
			}
		}
	}
	return false
}
