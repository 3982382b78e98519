// Command flakecheck runs the whole conformance suite many times in a row against the
// reference endpoint, with Ginkgo's parallel processes as `make conformance` uses them, and
// reports every spec that ever failed, with its messages. A regression gate that flakes gets
// switched off; this is how we show that this one does not.
//
//	go run ./harness/cmd/flakecheck -runs 100 -mode in-process
//	go run ./harness/cmd/flakecheck -runs 20 -mode container
//
// It compiles the suite and the Ginkgo CLI once, then runs the compiled suite -runs times,
// each with its own JSON report, and exits 1 when any spec failed in any run (or a run broke).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ecs-conformance/deregister/harness/suiterun"
)

// runTimeout bounds one run of the suite; a clean one takes seconds.
const runTimeout = 5 * time.Minute

func main() {
	runs := flag.Int("runs", 10, "how many times to run the suite")
	mode := flag.String("mode", "in-process", "how the reference runs: in-process or container")
	procs := flag.Int("procs", 0, "Ginkgo parallel processes; 0 lets ginkgo -p choose")
	flag.Parse()

	if *mode != "in-process" && *mode != "container" {
		fmt.Fprintln(os.Stderr, "flakecheck: -mode: want in-process or container")
		os.Exit(2)
	}
	failed, err := run(*runs, *mode, *procs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "flakecheck:", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

func run(runs int, mode string, procs int) (failed bool, err error) {
	root, err := suiterun.ModuleRoot()
	if err != nil {
		return false, err
	}
	work, err := os.MkdirTemp("", "flakecheck-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(work)

	ginkgo := filepath.Join(work, "ginkgo")
	if _, err := suiterun.Command(root, "go", "build", "-o", ginkgo,
		"github.com/onsi/ginkgo/v2/ginkgo"); err != nil {
		return false, fmt.Errorf("building the Ginkgo CLI: %w", err)
	}
	// Ginkgo runs a compiled suite in the folder that holds it, and the container mode builds
	// the reference image from the module there: so the binary goes next to the suite's
	// source (*.test is ignored by git) and is removed at the end.
	suite := filepath.Join(root, "suites", "deregister",
		"flakecheck-"+strconv.Itoa(os.Getpid())+".test")
	defer os.Remove(suite)
	if err := suiterun.BuildSuite(root, suite); err != nil {
		return false, err
	}

	t := newTally()
	for i := 1; i <= runs; i++ {
		dir := filepath.Join(work, "run-"+strconv.Itoa(i))
		start := time.Now()
		out, runErr := runOnce(ginkgo, suite, dir, mode, procs)
		took := time.Since(start)

		failures, ran, err := readFailures(filepath.Join(dir, "report.json"))
		if err != nil {
			t.addBroken(i, fmt.Sprintf("%v (exit: %v)\n%s", err, runErr, suiterun.Tail(out, 15)))
		} else {
			t.add(i, failures, ran, took)
		}
		fmt.Printf("flakecheck: %s run %3d/%d: %2d specs, %d failed, %s\n", mode, i, runs, ran,
			len(failures), took.Round(10*time.Millisecond))
	}
	t.write(os.Stdout, mode)
	return t.failed(), nil
}

// runOnce runs the compiled suite through the Ginkgo CLI in parallel, writing its JSON
// report into dir, and returns the combined output.
func runOnce(ginkgo, suite, dir, mode string, procs int) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()

	parallel := "-p"
	if procs > 0 {
		parallel = "--procs=" + strconv.Itoa(procs)
	}
	cmd := exec.CommandContext(ctx, ginkgo, parallel, "--no-color", "--output-dir="+dir,
		"--json-report=report.json", "--timeout=4m", suite)
	cmd.Env = append(suiterun.ReferenceEnvironment(), "ECS_CONFORMANCE_REFERENCE="+mode)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return out, fmt.Errorf("still running after %s", runTimeout)
	}
	return out, err
}
