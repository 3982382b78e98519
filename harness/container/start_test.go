package container

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestStartFailsNamingTheCause(t *testing.T) {
	image := requireReferenceImage(t)

	cases := []struct {
		name      string
		target    Target
		wantCause string
		wantLog   string
	}{
		{
			name:      "an image that does not exist",
			target:    Target{Image: "ecs-conformance/no-such-image:0", StartupTimeout: 10 * time.Second},
			wantCause: `image "ecs-conformance/no-such-image:0" not found`,
		},
		{
			name: "an entrypoint that exits at once",
			target: Target{Image: image, Cmd: []string{"-nonexistent-flag"},
				StartupTimeout: 10 * time.Second},
			wantCause: "the container exited with code 2",
			wantLog:   "flag provided but not defined: -nonexistent-flag",
		},
		{
			// The later -addr wins: the endpoint listens where nobody checks.
			name: "an endpoint that never answers on the checked port",
			target: Target{Image: image, Cmd: []string{"-addr", "0.0.0.0:4567"},
				StartupTimeout: 3 * time.Second},
			wantCause: "not ready within 3s: ListClusters on container port 4566/tcp",
			wantLog:   "ecs-reference listening on http://[::]:4567",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			running, err := Start(context.Background(), c.target)
			elapsed := time.Since(start)
			if err == nil {
				_ = running.Terminate(context.Background())
				t.Fatal("Start succeeded")
			}

			var failure *StartError
			if !errors.As(err, &failure) {
				t.Fatalf("Start = %v, want a *StartError", err)
			}
			if !strings.Contains(failure.Cause, c.wantCause) {
				t.Errorf("cause %q, want it to contain %q", failure.Cause, c.wantCause)
			}
			if !strings.Contains(err.Error(), c.target.Image) {
				t.Errorf("message %q does not name the image", err)
			}
			if !strings.Contains(failure.Log, c.wantLog) {
				t.Errorf("log tail %q, want it to contain %q", failure.Log, c.wantLog)
			}
			if strings.Count(failure.Log, "\n") >= logTailLines {
				t.Errorf("log tail has more than %d lines", logTailLines)
			}
			// The timeout bounds the wait; removing the container comes on top.
			if limit := c.target.StartupTimeout + 5*time.Second; elapsed > limit {
				t.Errorf("gave up after %s, want within %s", elapsed, limit)
			}
			t.Logf("gave up after %s: %v", elapsed.Round(time.Millisecond), err)
			expectNothingLeft(t)
		})
	}
}

// An interrupt during Start reaches it as a cancelled context (Ginkgo's SpecContext, or
// signal.NotifyContext): the container it was waiting for goes too.
func TestCancelledStartRemovesItsContainer(t *testing.T) {
	image := requireReferenceImage(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Second, cancel)

	target := Target{Image: image, Cmd: []string{"-addr", "0.0.0.0:4567"},
		StartupTimeout: 30 * time.Second}
	start := time.Now()
	running, err := Start(ctx, target)
	if err == nil {
		_ = running.Terminate(context.Background())
		t.Fatal("Start succeeded")
	}
	if !strings.Contains(err.Error(), "cancelled") || time.Since(start) > 10*time.Second {
		t.Errorf("Start = %v after %s, want a prompt error saying it was cancelled", err,
			time.Since(start))
	}
	expectNothingLeft(t)
}

func TestStartRefusesATargetWithoutImage(t *testing.T) {
	if _, err := Start(context.Background(), Target{}); err == nil ||
		!strings.Contains(err.Error(), "no image") {
		t.Errorf("Start(Target{}) = %v, want an error saying no image is named", err)
	}
}
