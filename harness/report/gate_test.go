package report

import (
	"strings"
	"testing"

	"github.com/ecs-conformance/deregister/harness/target"
)

// judgeFolder judges a recorded run folder of testdata/runs against a testdata target.
func judgeFolder(t *testing.T, run, targetName string) *Verdict {
	t.Helper()
	r, err := LoadRun("testdata/runs/" + run)
	if err != nil {
		t.Fatal(err)
	}
	var tgt *target.Target
	if targetName != "" {
		if tgt, err = target.Load("testdata/targets/" + targetName + ".yaml"); err != nil {
			t.Fatal(err)
		}
	}
	return Judge(r, tgt)
}

func TestGate(t *testing.T) {
	cases := []struct {
		name, run, target string
		exit, strictExit  int
		outcomes          map[string]Outcome
		text              []string
	}{
		{name: "all pass", run: "all-pass", target: "none", exit: 0, strictExit: 0,
			outcomes: map[string]Outcome{"A1": Passed, "C6": Passed, "H1": Passed},
			text:     []string{"gate passed", "9/9 passed, 0 failed"}},
		{name: "new failure", run: "new-failure", target: "f5a", exit: 1, strictExit: 1,
			outcomes: map[string]Outcome{"A7b": Failed, "F5a": ExpectedFailure, "A1": Passed},
			text: []string{"FAIL A7b Deregistering an idle container instance › treats",
				"Expected success, got ServerException (500)", "gate FAILED",
				"7/9 passed, 1 failed, 1 expected failures"}},
		{name: "expected failure", run: "expected-failure", target: "f5a", exit: 0,
			strictExit: 0,
			outcomes:   map[string]Outcome{"F5a": ExpectedFailure, "C6": Skipped},
			text:       []string{"gate passed", "7/9 passed", "1 skipped"}},
		{name: "unexpected pass", run: "all-pass", target: "f5a", exit: 0, strictExit: 1,
			outcomes: map[string]Outcome{"F5a": UnexpectedPass},
			text: []string{"F5a passes but is listed as an expected failure " +
				"(testdata/targets/f5a.yaml:6)", "1 unexpected passes"}},
		{name: "stale expectation", run: "all-pass", target: "stale", exit: 2, strictExit: 2,
			text: []string{"error: testdata/targets/stale.yaml:8: expected failure D1 " +
				"matches no spec", "gate ERROR"}},
		{name: "missing capability", run: "expected-failure", target: "no-task-state",
			exit: 0, strictExit: 0,
			outcomes: map[string]Outcome{"C1": NotApplicable, "C6": NotApplicable,
				"F5a": ExpectedFailure},
			text: []string{"6/7 passed", "2 not applicable"}},
		{name: "failure outside specs", run: "setup-failure", target: "none", exit: 1,
			strictExit: 1, outcomes: map[string]Outcome{"A1": Skipped},
			text: []string{"FAIL outside any spec: SynchronizedBeforeSuite at " +
				"suites/deregister/suite_test.go:35: the endpoint http://127.0.0.1:9 does " +
				"not answer"}},
		{name: "no target", run: "new-failure", exit: 1, strictExit: 1,
			outcomes: map[string]Outcome{"F5a": Failed}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := judgeFolder(t, c.run, c.target)
			if got := v.ExitCode(false); got != c.exit {
				t.Errorf("exit code %d, want %d\n%s", got, c.exit, GateText(v, false))
			}
			if got := v.ExitCode(true); got != c.strictExit {
				t.Errorf("strict exit code %d, want %d", got, c.strictExit)
			}
			for id, want := range c.outcomes {
				if got := outcomeOf(v, id); got != want {
					t.Errorf("%s: outcome %q, want %q", id, got, want)
				}
			}
			text := GateText(v, true)
			for _, want := range c.text {
				if !strings.Contains(text, want) {
					t.Errorf("gate text lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

func outcomeOf(v *Verdict, id string) Outcome {
	for _, s := range v.Specs {
		if s.ID == id {
			return s.Outcome
		}
	}
	return "(no such spec)"
}

func TestRowExpectationCoversItsSpecs(t *testing.T) {
	v := judgeFolder(t, "new-failure", "none")
	v.Target.ExpectedFailures = []target.ExpectedFailure{{ID: "A7", Reason: "r"},
		{ID: "F5", Reason: "r"}}
	v = Judge(v.Run, v.Target)
	if v.ExitCode(false) != ExitOK || outcomeOf(v, "A7a") != UnexpectedPass ||
		outcomeOf(v, "A7b") != ExpectedFailure {
		t.Errorf("got exit %d, A7a %s, A7b %s", v.ExitCode(false), outcomeOf(v, "A7a"),
			outcomeOf(v, "A7b"))
	}
}
