package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/moby/moby/client"
)

// StaleAfter is how old a managed container of another host must be before Sweep removes it.
// A container of this host is removed as soon as the process that started it is gone; one of
// another host (another CI job sharing the engine) may still be in use, and its process
// cannot be checked from here.
const StaleAfter = time.Hour

// Sweep removes what earlier runs left behind: containers and networks labelled LabelManaged
// whose owner process has exited (or, from another host, older than StaleAfter), and dangling
// managed images (former builds of the reference image). The current reference image is kept
// so that the next build is cached. Call it once per run, before Start.
func Sweep(ctx context.Context) (removed int, err error) {
	cli, err := dockerClient(ctx)
	if err != nil {
		return 0, err
	}
	defer cli.Close()

	managed := make(client.Filters).Add("label", LabelManaged+"=true")
	var errs []error

	containers, err := cli.ContainerList(ctx, client.ContainerListOptions{All: true,
		Filters: managed})
	if err != nil {
		return 0, fmt.Errorf("listing managed containers: %w", err)
	}
	for _, c := range containers.Items {
		if !leftover(c.Labels, time.Unix(c.Created, 0)) {
			continue
		}
		_, err := cli.ContainerRemove(ctx, c.ID, client.ContainerRemoveOptions{Force: true,
			RemoveVolumes: true})
		if err != nil && !cerrdefs.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("removing container %.12s: %w", c.ID, err))
			continue
		}
		owner := c.Labels[LabelOwner]
		if owner == "" {
			owner = "an unknown process"
		}
		logger.Printf("swept container %.12s left by %s", c.ID, owner)
		removed++
	}

	// The package creates no network today; the sweep covers them so that one added later
	// (say, to run an emulator beside a fake EC2) is cleaned up from the start.
	networks, err := cli.NetworkList(ctx, client.NetworkListOptions{Filters: managed})
	if err != nil {
		return removed, errors.Join(append(errs, fmt.Errorf("listing networks: %w", err))...)
	}
	for _, n := range networks.Items {
		if !leftover(n.Labels, n.Created) {
			continue
		}
		if _, err := cli.NetworkRemove(ctx, n.ID, client.NetworkRemoveOptions{}); err != nil &&
			!cerrdefs.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("removing network %s: %w", n.Name, err))
			continue
		}
		logger.Printf("swept network %s", n.Name)
		removed++
	}

	images, err := cli.ImageList(ctx, client.ImageListOptions{
		Filters: managed.Clone().Add("dangling", "true")})
	if err != nil {
		return removed, errors.Join(append(errs, fmt.Errorf("listing images: %w", err))...)
	}
	for _, image := range images.Items {
		// Not forced: an image a live container still runs stays until that one is gone.
		_, err := cli.ImageRemove(ctx, image.ID, client.ImageRemoveOptions{PruneChildren: true})
		if err != nil && !cerrdefs.IsNotFound(err) && !cerrdefs.IsConflict(err) {
			errs = append(errs, fmt.Errorf("removing image %.19s: %w", image.ID, err))
			continue
		}
		if err == nil {
			logger.Printf("swept dangling image %.19s", image.ID)
			removed++
		}
	}
	return removed, errors.Join(errs...)
}

// leftover reports whether a managed resource belongs to no live run.
func leftover(labels map[string]string, created time.Time) bool {
	if labels[LabelRun] == runID {
		return false
	}
	host, pid, ok := parseOwner(labels[LabelOwner])
	switch {
	case !ok:
		return true
	case host == hostname():
		return !processAlive(pid)
	}
	return time.Since(created) > StaleAfter
}

// processAlive reports whether a process with this ID exists on this host. A reused ID makes
// a leftover look alive: it is then removed by a later sweep, not this one.
func processAlive(pid int) bool {
	process, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = process.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
