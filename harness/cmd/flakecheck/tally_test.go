package main

import (
	"strings"
	"testing"
	"time"
)

// TestTallyReportsEveryFailedSpec reads a checked-in report with one failing spec (the
// report package's test data) and checks that the table names it and the verdict fails.
func TestTallyReportsEveryFailedSpec(t *testing.T) {
	failures, ran, err := readFailures("../../report/testdata/runs/new-failure/report.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(failures) == 0 || ran == 0 {
		t.Fatalf("got %d failures of %d specs, want at least one of some", len(failures), ran)
	}

	tl := newTally()
	tl.add(1, nil, ran, time.Second)
	tl.add(2, failures, ran, 2*time.Second)
	var out strings.Builder
	tl.write(&out, "in-process")

	if !tl.failed() {
		t.Error("a tally with a failure does not count as failed")
	}
	for _, want := range []string{failures[0].spec[:20], "1 of 2 runs", "run 2: ",
		"median 2s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table does not say %q:\n%s", want, out.String())
		}
	}
}
