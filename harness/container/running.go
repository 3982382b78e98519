package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"
)

// Running is a started endpoint container. Its exported fields are all another process needs
// (they marshal to JSON): a parallel Ginkgo process given them can read the container's log.
type Running struct {
	URL         string // the endpoint, http://127.0.0.1:PORT
	ContainerID string
	Image       string // the image reference it was started from
	ImageID     string // the engine's ID of that image (sha256:...), for reports

	mu         sync.Mutex
	ctr        testcontainers.Container // nil in a process that did not start it, until attached
	terminated bool
}

// Logs returns the container's whole log, stdout and stderr interleaved.
func (r *Running) Logs(ctx context.Context) (string, error) {
	ctr, err := r.attach(ctx)
	if err != nil {
		return "", err
	}
	return readLog(ctx, ctr)
}

// SaveLogs writes the container's log to path, creating its directory; for example next to
// the reports when a spec failed.
func (r *Running) SaveLogs(ctx context.Context, path string) error {
	log, err := r.Logs(ctx)
	if err != nil {
		return fmt.Errorf("reading the log of container %.12s: %w", r.ContainerID, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(log), 0o644)
}

// Terminate stops and removes the container. It is safe on a nil *Running, and on a container
// already gone; call it from the process that started the container.
func (r *Running) Terminate(ctx context.Context) error {
	if r == nil || r.ContainerID == "" {
		return nil
	}
	ctr, err := r.attach(ctx)
	if cerrdefs.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.terminated {
		return nil
	}
	// The reference endpoint stops at once on SIGTERM; an emulator gets a few seconds.
	err = ctr.Terminate(ctx, testcontainers.StopTimeout(5*time.Second))
	if err != nil && !cerrdefs.IsNotFound(err) {
		return fmt.Errorf("removing container %.12s: %w", r.ContainerID, err)
	}
	r.terminated = true
	logger.Printf("container %.12s removed", r.ContainerID)
	return nil
}

// attach returns the testcontainers handle of the container, finding it by ID in a process
// that did not start it.
func (r *Running) attach(ctx context.Context) (testcontainers.Container, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctr != nil {
		return r.ctr, nil
	}
	if r.ContainerID == "" {
		return nil, errors.New("no container: Running was not returned by Start")
	}
	provider, err := dockerProvider()
	if err != nil {
		return nil, err
	}
	ctr, err := provider.ContainerFromType(ctx, container.Summary{ID: r.ContainerID,
		State: container.StateRunning})
	if err != nil {
		return nil, err
	}
	r.ctr = ctr
	return ctr, nil
}
