package container

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/moby/moby/client"
)

// helperEnv, set to an image, makes the test binary the interrupt test's helper program.
const helperEnv = "ECS_CONFORMANCE_CONTAINER_TEST_HOLD"

// holdContainer is the helper program: it starts the image, prints "READY <container ID>",
// and waits to be interrupted, with CleanupOnSignal as its only cleanup.
func holdContainer() int {
	SetLogger(nil)
	running, err := Start(context.Background(), ReferenceTarget(os.Getenv(helperEnv)))
	if err != nil {
		fmt.Println("FAILED", err)
		return 1
	}
	CleanupOnSignal(running)
	fmt.Println("READY", running.ContainerID)
	select {}
}

func TestCleanupOnSignalRemovesTheContainer(t *testing.T) {
	image := requireReferenceImage(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()

			helper := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
			helper.Env = append(os.Environ(), helperEnv+"="+image)
			helper.Stderr = os.Stderr
			stdout, err := helper.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := helper.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(stdout).ReadString('\n')
			id, ready := strings.CutPrefix(strings.TrimSpace(line), "READY ")
			if !ready {
				_ = helper.Process.Kill()
				_ = helper.Wait()
				t.Fatalf("helper said %q, want READY <container ID>", line)
			}
			if !containerExists(t, id) {
				t.Fatalf("container %.12s is not there while the helper holds it", id)
			}

			if err := helper.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = helper.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != sig {
				t.Errorf("helper ended with %v, want it ended by %s", err, sig)
			}
			if containerExists(t, id) {
				t.Errorf("container %.12s survived %s", id, sig)
				removeContainer(t, id)
			}
		})
	}
}

// containerExists reports whether the engine still has the container, running or not.
func containerExists(t *testing.T, id string) bool {
	t.Helper()
	cli, err := dockerClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	_, err = cli.ContainerInspect(context.Background(), id, client.ContainerInspectOptions{})
	if err != nil && !cerrdefs.IsNotFound(err) {
		t.Fatal(err)
	}
	return err == nil
}

// removeContainer removes a container a failed test left.
func removeContainer(t *testing.T, id string) {
	t.Helper()
	cli, err := dockerClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	_, _ = cli.ContainerRemove(context.Background(), id, client.ContainerRemoveOptions{
		Force: true})
}
