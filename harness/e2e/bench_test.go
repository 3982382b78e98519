package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ecs-conformance/deregister/harness/container"
)

// BenchmarkSuite measures the wall time of one whole run of the compiled suite, in parallel
// (ginkgo -p) as `make conformance` runs it, against the reference in process and in a
// container: from starting the Ginkgo CLI to its exit, endpoint start and stop included,
// compilation excluded. Target: under 5 seconds in process on 2 cores.
func BenchmarkSuite(b *testing.B) {
	root := repositoryRoot(b)
	ginkgo := filepath.Join(b.TempDir(), "ginkgo")
	build := exec.Command("go", "build", "-o", ginkgo, "github.com/onsi/ginkgo/v2/ginkgo")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the Ginkgo CLI: %v\n%s", err, out)
	}
	// Ginkgo runs a compiled suite in its own folder, where the container mode finds the
	// module to build the reference image from; *.test is ignored by git.
	suite := filepath.Join(root, "suites", "deregister",
		"bench-"+strconv.Itoa(os.Getpid())+".test")
	b.Cleanup(func() { _ = os.Remove(suite) })
	build = exec.Command("go", "test", "-c", "-o", suite, "./suites/deregister")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the suite: %v\n%s", err, out)
	}

	for _, mode := range []string{"in-process", "container"} {
		b.Run("reference="+mode, func(b *testing.B) {
			if mode == "container" && container.EngineAvailable(context.Background()) != nil {
				b.Skip("no Docker engine")
			}
			var total time.Duration
			for b.Loop() {
				run := exec.Command(ginkgo, "-p", "--no-color", suite)
				run.Env = append(os.Environ(), "ECS_CONFORMANCE_REFERENCE="+mode)
				start := time.Now()
				if out, err := run.CombinedOutput(); err != nil {
					b.Fatalf("the suite failed: %v\n%s", err, out)
				}
				total += time.Since(start)
			}
			b.ReportMetric(total.Seconds()/float64(b.N), "s/run")
		})
	}
}
