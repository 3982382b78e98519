package e2e

import (
	"context"
	"testing"

	"github.com/ecs-conformance/deregister/harness/container"
)

// TestAnInterruptedContainerRunLeavesNothing starts the suite against the reference image in
// a container, interrupts it with a real SIGINT as soon as the first spec starts, and checks
// that the run stopped and that the container it started is gone.
func TestAnInterruptedContainerRunLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	ctx, cancel := context.WithTimeout(context.Background(), runLimit)
	defer cancel()
	if err := container.EngineAvailable(ctx); err != nil {
		t.Skipf("no Docker engine: %v", err)
	}
	binary := buildSuite(t)

	// The reference image is built from the source tree, so the run starts there.
	run := newSuiteRun(ctx, binary, repositoryRoot(t), "ECS_CONFORMANCE_REFERENCE=container")
	runExpecting(t, run, interrupted, func() {
		if containersOf(t, run.owner(t)) == "" {
			t.Fatalf("the run has started its specs but no container of it exists:\n%s",
				run.output.String())
		}
	})

	if left := containersOf(t, run.owner(t)); left != "" {
		t.Errorf("containers left after the interrupt: %s", left)
	}
}
