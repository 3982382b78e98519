package container

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/testcontainers/testcontainers-go"
)

// logTailLines is how much of a failed container's log a StartError carries: enough for a
// stack trace or a usage message, short enough to read in a CI log.
const logTailLines = 20

// cleanupTimeout bounds removing a container after a failure or an interrupt, when the
// caller's context may already be done.
const cleanupTimeout = 15 * time.Second

// StartError says why Start gave up. Its message names the image and the cause, and ends
// with the last lines of the container's log when the container ran.
type StartError struct {
	Image string
	Cause string // one sentence: "image ... not found", "container exited with code 2", ...
	Log   string // the last lines of the container's log; empty if it never ran
	Err   error  // what testcontainers or the engine said
}

func (e *StartError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "container of %s did not start: %s", e.Image, e.Cause)
	if e.Err != nil {
		fmt.Fprintf(&b, " (%v)", e.Err)
	}
	if e.Log != "" {
		fmt.Fprintf(&b, "\nlast lines of its log:\n%s", e.Log)
	}
	return b.String()
}

func (e *StartError) Unwrap() error { return e.Err }

// startFailure explains why ctr (nil if never created) did not become ready, removes it, and
// returns the explanation. ctx is Start's, whose deadline is the startup timeout.
func startFailure(ctx context.Context, provider *testcontainers.DockerProvider, target Target,
	ctr testcontainers.Container, err error) error {
	cleanupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()

	failure := &StartError{Image: target.Image, Err: err}
	timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded)
	cancelled := errors.Is(ctx.Err(), context.Canceled)
	switch {
	case ctr == nil && imageMissing(cleanupCtx, provider, target.Image):
		failure.Cause = fmt.Sprintf("image %q not found: the engine does not have it and "+
			"could not pull it", target.Image)
	case ctr == nil && timedOut:
		failure.Cause = fmt.Sprintf("not created within %s (pulling the image?)",
			target.StartupTimeout)
	case ctr == nil && cancelled:
		failure.Cause = "the start was cancelled before the container was created"
	case ctr == nil:
		failure.Cause = "the engine could not create it"
	default:
		failure.Cause = whyNotReady(cleanupCtx, ctr, target, timedOut, cancelled)
		failure.Log = logTail(cleanupCtx, ctr)
		// A container that never answered gets no grace period to stop.
		if err := ctr.Terminate(cleanupCtx, testcontainers.StopTimeout(time.Second)); err != nil {
			failure.Cause += fmt.Sprintf("; removing it failed too (%v)", err)
		}
	}
	logger.Printf("%s", failure.Cause)
	return failure
}

// whyNotReady names, for a person, why a created container did not answer.
func whyNotReady(ctx context.Context, ctr testcontainers.Container, target Target,
	timedOut, cancelled bool) string {
	state, err := ctr.State(ctx)
	switch {
	case err == nil && state.OOMKilled:
		return "the container was killed for lack of memory (OOMKilled)"
	case err == nil && !state.Running && state.Status == "exited":
		return fmt.Sprintf("the container exited with code %d", state.ExitCode)
	case timedOut:
		return fmt.Sprintf("not ready within %s: ListClusters on container port %s never "+
			"answered 200", target.StartupTimeout, target.Port)
	case cancelled:
		return "the start was cancelled before the endpoint answered"
	}
	return "it did not become ready"
}

// imageMissing reports whether the engine lacks image, after testcontainers tried to pull it.
func imageMissing(ctx context.Context, provider *testcontainers.DockerProvider,
	image string) bool {
	_, err := provider.Client().ImageInspect(ctx, image)
	return cerrdefs.IsNotFound(err)
}

// logTail returns the last logTailLines lines of the container's log (stdout and stderr).
func logTail(ctx context.Context, ctr testcontainers.Container) string {
	log, err := readLog(ctx, ctr)
	if err != nil {
		return fmt.Sprintf("(its log could not be read: %v)", err)
	}
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	if len(lines) > logTailLines {
		lines = lines[len(lines)-logTailLines:]
	}
	return strings.Join(lines, "\n")
}

// readLog returns the container's whole log, stdout and stderr interleaved.
func readLog(ctx context.Context, ctr testcontainers.Container) (string, error) {
	reader, err := ctr.Logs(ctx)
	if err != nil {
		return "", err
	}
	defer reader.Close()
	log, err := io.ReadAll(reader)
	return string(log), err
}
