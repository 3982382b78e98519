package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2/types"
)

// failure is one spec (or suite node) that failed in one run.
type failure struct {
	spec    string // the spec's text, or the node type for a suite-level node
	message string // the first line of the failure message
}

// readFailures reads a Ginkgo JSON report and returns every node that failed in it, and the
// number of specs that ran.
func readFailures(path string) ([]failure, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	var reports []types.Report
	if err := json.Unmarshal(data, &reports); err != nil {
		return nil, 0, fmt.Errorf("%s: not a Ginkgo JSON report: %w", path, err)
	}

	var failures []failure
	ran := 0
	for _, report := range reports {
		for _, spec := range report.SpecReports {
			if spec.LeafNodeType.Is(types.NodeTypeIt) && spec.State == types.SpecStatePassed {
				ran++
			}
			if !spec.State.Is(types.SpecStateFailureStates) {
				continue
			}
			if spec.LeafNodeType.Is(types.NodeTypeIt) {
				ran++
			}
			name := cmp.Or(spec.LeafNodeText, spec.LeafNodeType.String())
			message, _, _ := strings.Cut(strings.TrimSpace(spec.Failure.Message), "\n")
			failures = append(failures, failure{spec: name, message: message})
		}
	}
	return failures, ran, nil
}

// tally gathers the failures of every run.
type tally struct {
	runs      int
	specs     int // the most specs any run judged
	durations []time.Duration
	bySpec    map[string][]string // failure messages by spec, one per failing run
	broken    []string            // runs with no readable report, with why
}

func newTally() *tally {
	return &tally{bySpec: map[string][]string{}}
}

func (t *tally) add(run int, failures []failure, ran int, took time.Duration) {
	t.runs++
	t.specs = max(t.specs, ran)
	t.durations = append(t.durations, took)
	for _, f := range failures {
		t.bySpec[f.spec] = append(t.bySpec[f.spec], fmt.Sprintf("run %d: %s", run, f.message))
	}
}

func (t *tally) addBroken(run int, why string) {
	t.runs++
	t.broken = append(t.broken, fmt.Sprintf("run %d: %s", run, why))
}

// failed tells whether any spec ever failed or any run broke.
func (t *tally) failed() bool {
	return len(t.bySpec) > 0 || len(t.broken) > 0
}

// write prints the per-spec table (only specs that ever failed) and the summary line.
func (t *tally) write(w io.Writer, mode string) {
	names := make([]string, 0, len(t.bySpec))
	for name := range t.bySpec {
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) > 0 {
		fmt.Fprintf(w, "\n%-60s %s\n", "spec", "failed in")
		for _, name := range names {
			messages := t.bySpec[name]
			fmt.Fprintf(w, "%-60.60s %d of %d runs\n", name, len(messages), t.runs)
			for _, m := range messages[:min(len(messages), 3)] {
				fmt.Fprintf(w, "    %.160s\n", m)
			}
		}
	}
	for _, b := range t.broken {
		fmt.Fprintf(w, "broken %s\n", b)
	}

	verdict := "no spec ever failed"
	if t.failed() {
		verdict = fmt.Sprintf("%d specs failed at least once, %d runs broke", len(names),
			len(t.broken))
	}
	fmt.Fprintf(w, "\nflakecheck: %d %s runs of %d specs (ginkgo -p): %s; wall time per run %s\n",
		t.runs, mode, t.specs, verdict, spread(t.durations))
}

// spread renders the minimum, median and maximum of durations.
func spread(durations []time.Duration) string {
	if len(durations) == 0 {
		return "n/a"
	}
	sorted := slices.Clone(durations)
	slices.Sort(sorted)
	round := func(d time.Duration) time.Duration { return d.Round(10 * time.Millisecond) }
	return fmt.Sprintf("min %s, median %s, max %s", round(sorted[0]),
		round(sorted[len(sorted)/2]), round(sorted[len(sorted)-1]))
}
