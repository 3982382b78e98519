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

// TestAnInterruptedContainerRunLeavesNothing starts the suite against the reference image in
// a container, interrupts it with a real SIGINT as soon as the first spec starts, and checks
// that the run stopped and that the container it started is gone.
func TestAnInterruptedContainerRunLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := container.EngineAvailable(ctx); err != nil {
		t.Skipf("no Docker engine: %v", err)
	}
	binary := buildSuite(t)

	run := exec.CommandContext(ctx, binary, "-ginkgo.no-color", "-ginkgo.v")
	run.Dir = repositoryRoot(t) // the reference image is built from the source tree
	run.Env = append(os.Environ(), "ECS_CONFORMANCE_REFERENCE=container")
	stdout, err := run.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	run.Stderr = run.Stdout
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	owner := fmt.Sprintf("%s=%s/%d", container.LabelOwner, hostname(t), run.Process.Pid)

	var output strings.Builder
	lines := bufio.NewScanner(stdout)
	interrupted := false
	for lines.Scan() {
		output.WriteString(lines.Text() + "\n")
		if !interrupted && strings.Contains(lines.Text(), "[A1]") {
			if left := containersOf(t, owner); left == "" {
				t.Fatalf("the run has started its specs but no container of it exists:\n%s",
					output.String())
			}
			if err := run.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			interrupted = true
		}
	}
	err = run.Wait()

	if !interrupted {
		t.Fatalf("the run never reached its first spec:\n%s", output.String())
	}
	if err == nil || !strings.Contains(output.String(), "Interrupted") {
		t.Errorf("the run does not look interrupted (exit %v):\n%s", err, output.String())
	}
	if left := containersOf(t, owner); left != "" {
		t.Errorf("containers left after the interrupt: %s", left)
	}
}

// containersOf lists the IDs of the containers carrying label=value, running or not.
func containersOf(t *testing.T, labelValue string) string {
	t.Helper()
	out, err := exec.Command("docker", "ps", "-aq", "--filter", "label="+labelValue).Output()
	if err != nil {
		t.Fatalf("docker ps: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func hostname(t *testing.T) string {
	t.Helper()
	name, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	return name
}
