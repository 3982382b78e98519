package selfcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/onsi/ginkgo/v2/types"
)

// clean is a run in which every spec of a three-spec suite passed.
func clean() Outcome { return Outcome{"A1": Passed, "A2": Passed, "B1": Passed} }

// failing is a run in which the given specs failed and the others passed.
func failing(ids ...string) Outcome {
	o := clean()
	for _, id := range ids {
		o[id] = Failed
	}
	return o
}

func TestAnalysePassesWhenEveryDefectFailsExactlyItsMap(t *testing.T) {
	runs := map[string]Outcome{"d1": failing("A1", "A2"), "d2": failing("B1")}
	kills := KillMap{"d1": {"A1", "A2"}, "d2": {"B1"}}

	r := Analyse(clean(), runs, kills)
	if len(r.Problems) != 0 {
		t.Fatalf("problems: %v", r.Problems)
	}
	if specs, defects := r.Score(); specs != 3 || defects != 2 {
		t.Errorf("Score = %d specs, %d defects; want 3, 2", specs, defects)
	}
}

func TestAnalyseFails(t *testing.T) {
	cases := []struct {
		name  string
		clean Outcome
		runs  map[string]Outcome
		kills KillMap
		want  string
	}{
		{"a spec made vacuous", clean(),
			map[string]Outcome{"d1": failing("A1", "A2")}, KillMap{"d1": {"A1", "A2"}},
			"spec B1 is failed by no defect"},
		{"a defect that fails nothing", clean(),
			map[string]Outcome{"d1": failing("A1", "A2", "B1"), "d2": failing()},
			KillMap{"d1": {"A1", "A2", "B1"}, "d2": {"A1"}}, "defect d2 fails no spec"},
		{"a defect failing specs outside its map", clean(),
			map[string]Outcome{"d1": failing("A1", "A2", "B1")}, KillMap{"d1": {"A1", "A2"}},
			"defect d1 also fails B1, outside its map"},
		{"a mapped spec that passed", clean(),
			map[string]Outcome{"d1": failing("A1", "B1")}, KillMap{"d1": {"A1", "A2", "B1"}},
			"defect d1 no longer fails A2"},
		{"a defect missing from the map", clean(),
			map[string]Outcome{"d1": failing("A1", "A2", "B1")}, KillMap{},
			"defect d1 has no line in the kill map"},
		{"a mapped defect the reference lacks", clean(),
			map[string]Outcome{"d1": failing("A1", "A2", "B1")},
			KillMap{"d1": {"A1", "A2", "B1"}, "gone": {"A1"}}, "names defect gone"},
		{"a mapped spec the suite lacks", clean(),
			map[string]Outcome{"d1": failing("A1", "A2", "B1", "C9")},
			KillMap{"d1": {"A1", "A2", "B1", "C9"}}, "the suite has no spec C9"},
		{"a clean run that fails", failing("A2"),
			map[string]Outcome{"d1": failing("A1", "A2", "B1")}, KillMap{"d1": {"A1", "A2", "B1"}},
			"the clean reference gives A2 the verdict failed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Analyse(c.clean, c.runs, c.kills)
			if !slices.ContainsFunc(r.Problems, func(p string) bool {
				return strings.Contains(p, c.want)
			}) {
				t.Errorf("problems %q do not say %q", r.Problems, c.want)
			}
		})
	}
}

func TestWriteTableShowsMarksAndScore(t *testing.T) {
	runs := map[string]Outcome{"d1": failing("A1", "B1")}
	r := Analyse(clean(), runs, KillMap{"d1": {"A1", "A2"}})

	var out strings.Builder
	r.WriteTable(&out)
	for _, want := range []string{"1  d1", "A1      x", "A2      o", "B1      +",
		"Mutation score: 2 of 3 specs", "Self-check FAILED"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table does not contain %q:\n%s", want, out.String())
		}
	}
}

func TestParseKillMapNamesTheLine(t *testing.T) {
	good := "# comment\n\nd1: A1 A2\nd2: F10c\n"
	kills, err := ParseKillMap("kills.txt", strings.NewReader(good))
	if err != nil || len(kills) != 2 || !slices.Equal(kills["d1"], []string{"A1", "A2"}) {
		t.Fatalf("ParseKillMap = %v, %v", kills, err)
	}

	for text, want := range map[string]string{
		"d1: A1\nno colon here\n": "kills.txt:2:",
		"d1: A1\nd1: A2\n":        "kills.txt:2: defect d1 is mapped twice",
		"d1:\n":                   "kills.txt:1: defect d1 fails no spec",
		"d1: A1 a2\n":             `kills.txt:1: "a2" is not a behaviour ID`,
		"two words: A1\n":         "kills.txt:1:",
	} {
		if _, err := ParseKillMap("kills.txt", strings.NewReader(text)); err == nil ||
			!strings.Contains(err.Error(), want) {
			t.Errorf("ParseKillMap(%q) = %v, want an error saying %q", text, err, want)
		}
	}
}

func TestSortIDsReadsLikeAPerson(t *testing.T) {
	ids := []string{"F10a", "A10", "F5b", "A2", "B1", "F5a", "A1"}
	SortIDs(ids)
	want := []string{"A1", "A2", "A10", "B1", "F5a", "F5b", "F10a"}
	if !slices.Equal(ids, want) {
		t.Errorf("SortIDs = %v, want %v", ids, want)
	}
}

func TestReadOutcome(t *testing.T) {
	report := []types.Report{{SpecReports: types.SpecReports{
		{LeafNodeType: types.NodeTypeSynchronizedBeforeSuite, State: types.SpecStatePassed},
		{LeafNodeType: types.NodeTypeIt, LeafNodeText: "[A1] passes", State: types.SpecStatePassed},
		{LeafNodeType: types.NodeTypeIt, LeafNodeText: "[F5a] fails", State: types.SpecStateFailed},
		{LeafNodeType: types.NodeTypeIt, LeafNodeText: "[A6] skips", State: types.SpecStateSkipped},
		{LeafNodeType: types.NodeTypeIt, LeafNodeText: "[H2] panics", State: types.SpecStatePanicked},
	}}}
	outcome, err := ReadOutcome(writeReport(t, report))
	if err != nil {
		t.Fatal(err)
	}
	want := Outcome{"A1": Passed, "F5a": Failed, "A6": Skipped, "H2": Failed}
	if len(outcome) != len(want) {
		t.Fatalf("ReadOutcome = %v, want %v", outcome, want)
	}
	for id, verdict := range want {
		if outcome[id] != verdict {
			t.Errorf("%s: got %s, want %s", id, outcome[id], verdict)
		}
	}
}

func TestReadOutcomeRefusesBrokenRuns(t *testing.T) {
	for want, spec := range map[string]types.SpecReport{
		"no spec was judged": {LeafNodeType: types.NodeTypeSynchronizedBeforeSuite,
			State: types.SpecStateFailed},
		"has no behaviour ID": {LeafNodeType: types.NodeTypeIt, LeafNodeText: "untitled",
			State: types.SpecStatePassed},
	} {
		report := []types.Report{{SpecReports: types.SpecReports{spec}}}
		if _, err := ReadOutcome(writeReport(t, report)); err == nil ||
			!strings.Contains(err.Error(), want) {
			t.Errorf("ReadOutcome = %v, want an error saying %q", err, want)
		}
	}
}

func writeReport(t *testing.T, report []types.Report) string {
	t.Helper()
	data, err := json.Marshal(report)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
