package fault

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/reference"
)

// behindProxy starts the reference endpoint with a fault proxy in front of it.
func behindProxy(t *testing.T) *Proxy {
	t.Helper()
	running, err := reference.New(reference.Options{}).Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = running.Close() })

	proxy, err := Start(running.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = proxy.Close() })
	return proxy
}

// withStandardRetries gives a client the SDK's standard retryer, its backoff shortened so
// that the test does not sleep for seconds.
func withStandardRetries(o *ecs.Options) {
	o.Retryer = retry.NewStandard(func(s *retry.StandardOptions) {
		s.MaxBackoff = 20 * time.Millisecond
	})
}

func listClusters(client *ecs.Client) error {
	_, err := client.ListClusters(context.Background(), &ecs.ListClustersInput{})
	return err
}

func TestServerExceptionSurfacesTyped(t *testing.T) {
	proxy := behindProxy(t)
	proxy.Inject(Rule{Operation: "ListClusters", Kind: ServerError, Times: 1})

	err := listClusters(awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL}))
	obs, ok := awserr.FromSDK(err)
	if !ok || obs.Code != "ServerException" || obs.Status != 500 || !obs.Typed {
		t.Fatalf("got %v (%+v), want a typed ServerException with status 500", err, obs)
	}
	if err := listClusters(awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL})); err != nil {
		t.Errorf("the rule was for one request, but the next failed too: %v", err)
	}
}

func TestTheStandardRetryerRetriesThenSurfaces(t *testing.T) {
	for _, kind := range []Kind{ServerError, Throttle} {
		proxy := behindProxy(t)
		proxy.Inject(Rule{Operation: "ListClusters", Kind: kind})

		client := awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL}, withStandardRetries)
		err := listClusters(client)
		if err == nil {
			t.Fatalf("fault %d: the call succeeded", kind)
		}
		if seen := proxy.Seen("ListClusters"); seen != retry.DefaultMaxAttempts {
			t.Errorf("fault %d: %d attempts, want the standard retryer's %d", kind, seen,
				retry.DefaultMaxAttempts)
		}
	}
}

func TestARetryAfterOneServerExceptionSucceeds(t *testing.T) {
	proxy := behindProxy(t)
	proxy.Inject(Rule{Operation: "ListClusters", Kind: ServerError, Times: 1})

	client := awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL}, withStandardRetries)
	if err := listClusters(client); err != nil {
		t.Fatalf("the retry did not succeed: %v", err)
	}
	if seen := proxy.Seen("ListClusters"); seen != 2 {
		t.Errorf("%d attempts, want 2", seen)
	}
}

func TestAResetConnectionIsReportedAsSuch(t *testing.T) {
	proxy := behindProxy(t)
	proxy.Inject(Rule{Kind: Reset})

	err := listClusters(awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL}))
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("got %v, want a connection reset", err)
	}
}

func TestASlowEndpointIsGivenUpOnAtTheTimeout(t *testing.T) {
	proxy := behindProxy(t)
	proxy.Inject(Rule{Kind: Slow, Delay: 30 * time.Second})

	start := time.Now()
	client := awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL, Timeout: 200 * time.Millisecond})
	err := listClusters(client)
	if err == nil {
		t.Fatal("the call succeeded")
	}
	// A bound that tells giving up at the timeout from waiting for the answer; not a speed
	// target.
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("gave up after %s, with a timeout of 200ms", elapsed)
	}
}

func TestATruncatedAnswerIsAnError(t *testing.T) {
	proxy := behindProxy(t)
	proxy.Inject(Rule{Operation: "CreateCluster", Kind: Truncate})

	_, err := awsclient.NewECS(awsclient.Endpoint{URL: proxy.URL}).CreateCluster(
		context.Background(), &ecs.CreateClusterInput{ClusterName: aws.String("c")})
	if err == nil {
		t.Fatal("a truncated answer was read as a success")
	}
}
