package container

import (
	"context"
	"flag"
	"fmt"
	stdlog "log"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/moby/moby/client"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// TestMain runs the helper program of the interrupt test when asked to (see holdContainer),
// and otherwise the tests, then checks that they left no container of this run behind.
func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(holdContainer())
	}

	flag.Parse()
	if !testing.Verbose() {
		SetLogger(nil)
	} else {
		SetLogger(stdlog.New(os.Stderr, "container: ", stdlog.Ltime|stdlog.Lmicroseconds))
	}
	code := m.Run()

	if EngineAvailable(context.Background()) == nil {
		if left := leftContainers(context.Background()); len(left) > 0 {
			fmt.Fprintf(os.Stderr, "the tests left containers of run %s: %v\n", RunID(), left)
			code = 1
		}
	}
	os.Exit(code)
}

// requireEngine skips a test that needs Docker when no engine answers, saying so.
func requireEngine(tb testing.TB) {
	tb.Helper()
	if err := EngineAvailable(context.Background()); err != nil {
		tb.Skipf("skipped: needs a Docker engine, and none answers: %v", err)
	}
}

// referenceImage builds the reference image once for the whole test binary.
var referenceImage = sync.OnceValues(func() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return BuildReferenceImage(ctx)
})

// requireReferenceImage returns the reference image, skipping without an engine.
func requireReferenceImage(tb testing.TB) string {
	tb.Helper()
	requireEngine(tb)
	image, err := referenceImage()
	if err != nil {
		tb.Fatalf("BuildReferenceImage: %v", err)
	}
	return image
}

// listClusters makes a real ECS call through the SDK client the suite uses.
func listClusters(ctx context.Context, url string) ([]string, error) {
	client := awsclient.NewECS(awsclient.Endpoint{URL: url, Timeout: 5 * time.Second})
	out, err := client.ListClusters(ctx, &ecs.ListClustersInput{})
	if err != nil {
		return nil, err
	}
	return out.ClusterArns, nil
}

// leftContainers lists the IDs of this run's containers, running or not: what
// `docker ps -a --filter label=org.ecs-conformance.run=RUN` shows.
func leftContainers(ctx context.Context) []string {
	cli, err := dockerClient(ctx)
	if err != nil {
		return []string{err.Error()}
	}
	defer cli.Close()
	list, err := cli.ContainerList(ctx, client.ContainerListOptions{All: true,
		Filters: make(client.Filters).Add("label", LabelRun+"="+RunID())})
	if err != nil {
		return []string{err.Error()}
	}
	var ids []string
	for _, c := range list.Items {
		ids = append(ids, c.ID[:12]+" ("+string(c.State)+")")
	}
	return ids
}

// expectNothingLeft fails the test when a container of this run remains.
func expectNothingLeft(t *testing.T) {
	t.Helper()
	if left := leftContainers(context.Background()); len(left) > 0 {
		t.Errorf("containers left behind: %v", left)
	}
}
