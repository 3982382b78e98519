// Package e2e runs the built conformance suite as a user would, against endpoints that cannot
// be tested, and checks that the suite says so quickly, clearly and without leaving anything.
package e2e

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecs-conformance/deregister/harness/suiterun"
)

// hangLimit tells a suite that gives up from one that hangs. It is not a speed target: the
// suite gives up after its 5s preflight; the rest is process start-up.
const hangLimit = 60 * time.Second

// buildSuite compiles the conformance suite once into a temporary folder.
func buildSuite(t *testing.T) string {
	t.Helper()
	binary := filepath.Join(t.TempDir(), "deregister.test")
	if err := suiterun.BuildSuite(repositoryRoot(t), binary); err != nil {
		t.Fatal(err)
	}
	return binary
}

func repositoryRoot(t testing.TB) string {
	t.Helper()
	root, err := suiterun.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// runSuite runs the suite binary in an empty working folder with env added, and returns its
// output. It fails the test when the suite passes or hangs.
func runSuite(t *testing.T, binary string, env ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()

	workdir := t.TempDir()
	run := exec.CommandContext(ctx, binary, "-ginkgo.no-color")
	run.Dir = workdir
	run.Env = append(os.Environ(), env...)
	out, err := run.CombinedOutput()

	if ctx.Err() != nil {
		t.Fatalf("the suite was still running after %s:\n%s", hangLimit, out)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the suite passed (or did not start: %v) against an endpoint it cannot test:\n%s",
			err, out)
	}
	if left, _ := os.ReadDir(workdir); len(left) > 0 {
		t.Errorf("the suite left %d files in its working folder", len(left))
	}
	return string(out)
}

func TestTheSuiteRefusesEndpointsItCannotTest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	binary := buildSuite(t)

	t.Run("nothing listening", func(t *testing.T) {
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		url := "http://" + listener.Addr().String()
		_ = listener.Close()

		out := runSuite(t, binary, "ECS_CONFORMANCE_ENDPOINT="+url)
		expectSaid(t, out, url, "connection refused")
	})

	t.Run("every answer a 500", func(t *testing.T) {
		var mu sync.Mutex
		var targets []string
		server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			targets = append(targets, r.Header.Get("X-Amz-Target"))
			mu.Unlock()
			http.Error(w, "internal error", http.StatusInternalServerError)
		}))
		defer server.Close()

		out := runSuite(t, binary, "ECS_CONFORMANCE_ENDPOINT="+server.URL)
		expectSaid(t, out, server.URL, "HTTP 500")

		mu.Lock()
		defer mu.Unlock()
		for _, target := range targets {
			if !strings.HasSuffix(target, ".ListClusters") {
				t.Errorf("the suite went on to call %s after the endpoint failed its preflight",
					target)
			}
		}
	})

	t.Run("real AWS", func(t *testing.T) {
		url := "https://ecs.us-east-1.amazonaws.com"
		out := runSuite(t, binary, "ECS_CONFORMANCE_ENDPOINT="+url)
		expectSaid(t, out, url, "real AWS")
	})
}

func expectSaid(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("the suite's output does not say %q:\n%s", want, out)
		}
	}
}
