package container

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

func TestReferenceImageAnswersECSCalls(t *testing.T) {
	image := requireReferenceImage(t)
	if !strings.HasPrefix(image, ReferenceRepository+":") {
		t.Errorf("image %q, want it tagged %s:VERSION", image, ReferenceRepository)
	}
	ctx := context.Background()

	running, err := Start(ctx, ReferenceTarget(image))
	t.Cleanup(func() { _ = running.Terminate(context.Background()) })
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	if !strings.HasPrefix(running.URL, "http://127.0.0.1:") {
		t.Errorf("URL %s, want the port published on 127.0.0.1", running.URL)
	}

	// A real exchange, not just a 200: what one call creates, the next one lists.
	client := awsclient.NewECS(awsclient.Endpoint{URL: running.URL})
	created, err := client.CreateCluster(ctx, &ecs.CreateClusterInput{
		ClusterName: aws.String("container-test")})
	if err != nil {
		t.Fatalf("CreateCluster: %v", err)
	}
	arns, err := listClusters(ctx, running.URL)
	if err != nil || len(arns) != 1 || arns[0] != aws.ToString(created.Cluster.ClusterArn) {
		t.Fatalf("ListClusters = %v, %v; want [%s]", arns, err,
			aws.ToString(created.Cluster.ClusterArn))
	}

	// Another Ginkgo process gets the Running as JSON and can still read the log.
	encoded, err := json.Marshal(running)
	if err != nil {
		t.Fatal(err)
	}
	var elsewhere Running
	if err := json.Unmarshal(encoded, &elsewhere); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(t.TempDir(), "reports", "endpoint.log")
	if err := elsewhere.SaveLogs(ctx, logPath); err != nil {
		t.Fatalf("SaveLogs: %v", err)
	}
	saved, _ := os.ReadFile(logPath)
	if !strings.Contains(string(saved), "ecs-reference listening on http://[::]:4566") {
		t.Errorf("saved log %q, want the reference's listening line", saved)
	}

	if err := running.Terminate(ctx); err != nil {
		t.Fatalf("Terminate: %v", err)
	}
	if err := running.Terminate(ctx); err != nil {
		t.Errorf("a second Terminate = %v, want nil", err)
	}
	expectNothingLeft(t)
}

func TestReferenceImageIsKeptAndCached(t *testing.T) {
	requireEngine(t)
	ctx := context.Background()
	first, err := BuildReferenceImage(ctx)
	if err != nil {
		t.Fatalf("BuildReferenceImage: %v", err)
	}

	start := time.Now()
	again, err := BuildReferenceImage(ctx)
	if err != nil {
		t.Fatalf("BuildReferenceImage: %v", err)
	}
	// Spurious if a commit lands between the two builds: the version is git's.
	if again != first {
		t.Errorf("rebuilt as %s, want %s", again, first)
	}
	t.Logf("rebuilding the unchanged reference image took %s", time.Since(start))
}
