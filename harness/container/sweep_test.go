package container

import (
	"context"
	"fmt"
	"os/exec"
	"testing"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/network"
)

func TestSweepRemovesOnlyLeftovers(t *testing.T) {
	image := requireReferenceImage(t)
	ctx := context.Background()

	// A process that has exited: its containers are leftovers.
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	deadOwner := fmt.Sprintf("%s/%d", hostname(), gone.Process.Pid)

	leftover := createLabelled(t, image, "earlier", deadOwner)
	unowned := createLabelled(t, image, "earlier", "")
	// Another host's fresh container may belong to a run in progress there.
	foreign := createLabelled(t, image, "elsewhere", "other-ci-job/1")
	ours := createLabelled(t, image, runID, deadOwner)
	leftoverNetwork, err := network.New(ctx, network.WithLabels(map[string]string{
		LabelManaged: "true", LabelRun: "earlier", LabelOwner: deadOwner}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = leftoverNetwork.Remove(context.Background()) })

	removed, err := Sweep(ctx)
	if err != nil {
		t.Fatalf("Sweep: %v", err)
	}
	if removed < 3 {
		t.Errorf("Sweep removed %d, want at least the 2 leftover containers and the network",
			removed)
	}
	for _, c := range []struct {
		id   string
		want bool
	}{{leftover, false}, {unowned, false}, {foreign, true}, {ours, true}} {
		if got := containerExists(t, c.id); got != c.want {
			t.Errorf("after Sweep, container %.12s exists = %t, want %t", c.id, got, c.want)
		}
	}
	if networkExists(t, leftoverNetwork.ID) {
		t.Errorf("after Sweep, network %s is still there", leftoverNetwork.Name)
	}
}

// createLabelled creates (without starting) a managed container with the given run and
// owner labels, and removes it when the test ends.
func createLabelled(t *testing.T, image, run, owner string) string {
	t.Helper()
	labels := map[string]string{LabelManaged: "true", LabelRun: run}
	if owner != "" {
		labels[LabelOwner] = owner
	}
	ctr, err := testcontainers.GenericContainer(context.Background(),
		testcontainers.GenericContainerRequest{ContainerRequest: testcontainers.ContainerRequest{
			Image: image, Labels: labels}})
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		t.Fatal(err)
	}
	return ctr.GetContainerID()
}

// networkExists reports whether the engine still has the network.
func networkExists(t *testing.T, id string) bool {
	t.Helper()
	cli, err := dockerClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	list, err := cli.NetworkList(context.Background(), networkListByID(id))
	if err != nil {
		t.Fatal(err)
	}
	return len(list.Items) > 0
}

func networkListByID(id string) client.NetworkListOptions {
	return client.NetworkListOptions{Filters: make(client.Filters).Add("id", id)}
}
