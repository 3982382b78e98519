// Command selfcheck proves that every conformance spec can fail. It runs the suite against
// the embedded reference endpoint once clean and once per defect the reference knows (see
// reference.Defect), then checks the outcome against the kill map: each defect must fail
// exactly the specs mapped to it, every spec must be failed by some defect, and the clean
// reference must pass everything. It prints a defect-by-spec table and the mutation score,
// and exits 1 when the self-check fails.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/ecs-conformance/deregister/harness/reference"
	"github.com/ecs-conformance/deregister/harness/selfcheck"
	"github.com/ecs-conformance/deregister/harness/suiterun"
)

// runTimeout bounds one run of the suite; a clean run takes a few seconds.
const runTimeout = 3 * time.Minute

func main() {
	killsPath := flag.String("kills", "fixtures/selfcheck/kills.txt", "the kill map")
	jobs := flag.Int("j", 2, "runs of the suite at once")
	flag.Parse()

	if err := run(*killsPath, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "selfcheck:", err)
		os.Exit(1)
	}
}

func run(killsPath string, jobs int) error {
	file, err := os.Open(killsPath)
	if err != nil {
		return err
	}
	kills, err := selfcheck.ParseKillMap(killsPath, file)
	_ = file.Close()
	if err != nil {
		return err
	}

	work, err := os.MkdirTemp("", "selfcheck-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	suite := filepath.Join(work, "deregister.test")
	if err := suiterun.BuildSuite(".", suite); err != nil {
		return err
	}

	names := []string{""} // the clean reference first
	for _, d := range reference.Defects() {
		names = append(names, string(d))
	}
	outcomes, err := runAll(suite, work, names, jobs)
	if err != nil {
		return err
	}

	clean := outcomes[""]
	delete(outcomes, "")
	result := selfcheck.Analyse(clean, outcomes, kills)
	fmt.Println()
	result.WriteTable(os.Stdout)
	if len(result.Problems) > 0 {
		return fmt.Errorf("%d problems (see above); the kill map is %s", len(result.Problems),
			killsPath)
	}
	return nil
}

// runAll runs the suite once per defect name ("" for none), jobs at a time.
func runAll(suite, work string, names []string, jobs int) (map[string]selfcheck.Outcome,
	error) {
	var (
		mu       sync.Mutex
		outcomes = map[string]selfcheck.Outcome{}
		firstErr error
		wg       sync.WaitGroup
		slots    = make(chan struct{}, max(jobs, 1))
	)
	for _, name := range names {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()

			start := time.Now()
			outcome, err := runOnce(suite, work, name)

			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				firstErr = cmp.Or(firstErr, err)
				return
			}
			outcomes[name] = outcome
			fmt.Printf("selfcheck: %-36s fails %2d specs (%s)\n", label(name),
				len(outcome.Failed()), time.Since(start).Round(10*time.Millisecond))
		})
	}
	wg.Wait()
	return outcomes, firstErr
}

// runOnce runs the suite against the reference with one defect and reads its JSON report.
// The run's exit status is not used: failing specs are the point of most runs.
func runOnce(suite, work, defect string) (selfcheck.Outcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()

	report := filepath.Join(work, label(defect)+".json")
	cmd := exec.CommandContext(ctx, suite, "-ginkgo.seed=1", "-ginkgo.no-color",
		"-ginkgo.json-report="+report)
	cmd.Dir = work
	cmd.Env = append(suiterun.ReferenceEnvironment(), "ECS_CONFORMANCE_REFERENCE_DEFECTS="+defect)
	out, _ := cmd.CombinedOutput()

	if ctx.Err() != nil {
		return nil, fmt.Errorf("the run with %s did not finish within %s", label(defect),
			runTimeout)
	}
	outcome, err := selfcheck.ReadOutcome(report)
	if err != nil {
		return nil, fmt.Errorf("the run with %s: %w\n%s", label(defect), err, suiterun.Tail(out, 20))
	}
	return outcome, nil
}

func label(defect string) string {
	if defect == "" {
		return "clean"
	}
	return defect
}
