package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ecs-conformance/deregister/harness/container"
)

// runLimit bounds one whole run of the suite in these tests; a run takes seconds.
const runLimit = 3 * time.Minute

// suiteRun is one run of the compiled suite as a separate process.
type suiteRun struct {
	cmd    *exec.Cmd
	output strings.Builder
}

// newSuiteRun prepares a verbose run of binary in dir with env added. Verbose output names
// each spec as it starts, which is what an interrupt waits for.
func newSuiteRun(ctx context.Context, binary, dir string, env ...string) *suiteRun {
	cmd := exec.CommandContext(ctx, binary, "-ginkgo.no-color", "-ginkgo.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return &suiteRun{cmd: cmd}
}

// owner is the LabelOwner filter of the containers the run starts: the run is the suite's
// only process, so its PID is the owner's.
func (r *suiteRun) owner(t *testing.T) string {
	return fmt.Sprintf("%s=%s/%d", container.LabelOwner, hostname(t), r.cmd.Process.Pid)
}

// run starts the suite and, when interruptAt is not empty, sends it SIGINT as soon as a line
// of its output contains interruptAt, after calling atInterrupt (which may check what the
// run holds at that moment). It returns whether it was interrupted and the exit error.
func (r *suiteRun) run(t *testing.T, interruptAt string, atInterrupt func()) (bool, error) {
	t.Helper()
	stdout, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r.cmd.Stderr = r.cmd.Stdout
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}

	interrupted := false
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		r.output.WriteString(lines.Text() + "\n")
		if interruptAt != "" && !interrupted && strings.Contains(lines.Text(), interruptAt) {
			if atInterrupt != nil {
				atInterrupt()
			}
			if err := r.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			interrupted = true
		}
	}
	err = r.cmd.Wait()
	return interrupted, err
}

// outcome says how a run must end: passing, failing, or interrupted at its first spec.
type outcome string

const (
	passes      outcome = "passes"
	fails       outcome = "fails"
	interrupted outcome = "is interrupted"
)

// runExpecting runs the suite and fails the test unless the run ends as want says.
// atInterrupt is called, for an interrupted run, just before the signal.
func runExpecting(t *testing.T, r *suiteRun, want outcome, atInterrupt func()) {
	t.Helper()
	interruptAt := ""
	if want == interrupted {
		interruptAt = "[A1]"
	}
	wasInterrupted, err := r.run(t, interruptAt, atInterrupt)
	out := r.output.String()

	switch {
	case want == passes && err != nil:
		t.Fatalf("the run should pass, but: %v\n%s", err, out)
	case want == fails && (err == nil || !strings.Contains(out, "[FAIL]")):
		t.Fatalf("the run should fail specs, but (exit %v):\n%s", err, out)
	case want == interrupted && !wasInterrupted:
		t.Fatalf("the run never reached its first spec:\n%s", out)
	case want == interrupted && (err == nil || !strings.Contains(out, "Interrupted")):
		t.Fatalf("the run does not look interrupted (exit %v):\n%s", err, out)
	}
}

// docker runs the docker CLI and returns its trimmed output, one item a line.
func docker(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("docker", args...).Output()
	if err != nil {
		t.Fatalf("docker %s: %v", strings.Join(args, " "), err)
	}
	return strings.Fields(string(out))
}

// containersOf lists the IDs of the containers carrying label=value, running or not.
func containersOf(t *testing.T, labelValue string) string {
	t.Helper()
	return strings.Join(docker(t, "ps", "-aq", "--filter", "label="+labelValue), " ")
}

func hostname(t *testing.T) string {
	t.Helper()
	name, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	return name
}
