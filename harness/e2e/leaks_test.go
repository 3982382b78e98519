package e2e

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/container"
	"github.com/ecs-conformance/deregister/harness/reference"
)

// failingDefect makes a dozen specs fail while leaving the endpoint able to clean up: the
// answer to a deregistration says ACTIVE, but the instance is INACTIVE. A defect that keeps
// instances ACTIVE (stays-active) would leave clusters behind, rightly: no client can delete
// a cluster whose instances the endpoint will not deregister.
const failingDefect = reference.DefectAnswersActive

// TestContainerRunsLeaveNothing runs the suite in container mode three times, passing,
// failing and interrupted, and checks after each that no container or network of the run
// remains, and after all that no image was added but the kept reference image.
func TestContainerRunsLeaveNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*runLimit)
	defer cancel()
	if err := container.EngineAvailable(ctx); err != nil {
		t.Skipf("no Docker engine: %v", err)
	}
	binary := buildSuite(t)
	image, err := container.BuildReferenceImage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	imagesBefore := managedImages(t)

	root := repositoryRoot(t) // the reference image is built from the source tree
	reference := "ECS_CONFORMANCE_REFERENCE=container"
	broken := []string{"ECS_CONFORMANCE_IMAGE=" + image, "ECS_CONFORMANCE_IMAGE_PORT=4566/tcp",
		"ECS_CONFORMANCE_IMAGE_CMD=-defects " + string(failingDefect)}
	for _, c := range []struct {
		want outcome
		env  []string
	}{
		{passes, []string{reference}},
		{fails, broken},
		{interrupted, []string{reference}},
	} {
		t.Run(string(c.want), func(t *testing.T) {
			run := newSuiteRun(ctx, binary, root, c.env...)
			runExpecting(t, run, c.want, nil)

			owner := run.owner(t)
			if left := containersOf(t, owner); left != "" {
				t.Errorf("containers left: %s", left)
			}
			if left := docker(t, "network", "ls", "-q", "--filter", "label="+owner); len(left) > 0 {
				t.Errorf("networks left: %v", left)
			}
		})
	}

	for _, id := range managedImages(t) {
		if !slices.Contains(imagesBefore, id) && !isReferenceImage(t, id) {
			t.Errorf("image %.19s was added by the runs and is still there", id)
		}
	}
}

// TestRunsLeaveNoClusterOnTheEndpoint runs the suite against a reference endpoint this test
// owns, passing, failing and interrupted, and checks after each that the endpoint has no
// ACTIVE cluster left: every spec's DeferCleanup ran, whatever became of the spec.
func TestRunsLeaveNoClusterOnTheEndpoint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	binary := buildSuite(t)

	for _, c := range []struct {
		want    outcome
		defects []reference.Defect
	}{
		{passes, nil},
		{fails, []reference.Defect{failingDefect}},
		{interrupted, nil},
	} {
		t.Run(string(c.want), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), runLimit)
			defer cancel()
			running, err := reference.New(reference.Options{Defects: c.defects}).
				Listen("127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer running.Close()

			run := newSuiteRun(ctx, binary, t.TempDir(), "ECS_CONFORMANCE_ENDPOINT="+running.URL)
			runExpecting(t, run, c.want, nil)

			client := awsclient.NewECS(awsclient.Endpoint{URL: running.URL, Timeout: 5 * time.Second})
			left, err := client.ListClusters(ctx, &ecs.ListClustersInput{})
			if err != nil {
				t.Fatal(err)
			}
			if len(left.ClusterArns) > 0 {
				t.Errorf("ACTIVE clusters left on the endpoint: %v", left.ClusterArns)
			}
		})
	}
}

// managedImages lists the IDs of every image labelled as the project's.
func managedImages(t *testing.T) []string {
	t.Helper()
	return docker(t, "images", "-q", "--no-trunc", "--filter",
		"label="+container.LabelManaged+"=true")
}

// isReferenceImage tells whether an image is tagged as a reference image, which is kept on
// purpose so that the next build is cached.
func isReferenceImage(t *testing.T, id string) bool {
	t.Helper()
	tags := docker(t, "image", "inspect", "--format", "{{range .RepoTags}}{{.}} {{end}}", id)
	return slices.ContainsFunc(tags, func(tag string) bool {
		return strings.HasPrefix(tag, container.ReferenceRepository+":")
	})
}
