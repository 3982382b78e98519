package endpoint

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"go.uber.org/goleak"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// TestMain fails the package's tests when any goroutine outlives them.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestTheInProcessReferenceLeavesNoGoroutine starts the in-process reference as a run does,
// makes one call to it, stops it, and checks that nothing of it still runs: the suite's
// first process keeps running other work after Stop in a long parallel run.
func TestTheInProcessReferenceLeavesNoGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	settings, err := Load(env(map[string]string{EnvReferenceSigV4: "yes"}))
	if err != nil {
		t.Fatal(err)
	}
	started, err := Start(ctx, settings, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	settings.URL = started.URL
	client := awsclient.Endpoint{URL: started.URL, Timeout: 5 * time.Second}
	httpClient := client.HTTPClient()
	err = Preflight(ctx, awsclient.NewECS(client, func(o *ecs.Options) {
		o.HTTPClient = httpClient
	}), started.URL)
	httpClient.CloseIdleConnections()
	if err != nil {
		t.Errorf("Preflight: %v", err)
	}
	if err := started.Stop(ctx); err != nil {
		t.Errorf("Stop: %v", err)
	}
}
