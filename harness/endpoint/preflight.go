package endpoint

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awserr"
)

// PreflightTimeout bounds the first call to an endpoint: a dead or misconfigured endpoint is
// reported in seconds rather than once per spec.
const PreflightTimeout = 5 * time.Second

// Preflight makes one ListClusters call and explains, in one sentence naming the endpoint,
// why the endpoint cannot be tested when that call does not succeed.
func Preflight(ctx context.Context, client *ecs.Client, endpointURL string) error {
	ctx, cancel := context.WithTimeout(ctx, PreflightTimeout)
	defer cancel()

	_, err := client.ListClusters(ctx, &ecs.ListClustersInput{})
	if err == nil {
		return nil
	}
	return fmt.Errorf("endpoint %s cannot be tested: a plain ListClusters failed: %s (%w)",
		endpointURL, cause(err), err)
}

// cause names, for a person, why a call failed.
func cause(err error) string {
	var netErr net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "nothing is listening there (connection refused)"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Sprintf("no answer within %s", PreflightTimeout)
	case errors.Is(err, syscall.ECONNRESET):
		return "the connection was reset"
	}

	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Sprintf("the host name %q does not resolve", dnsErr.Name)
	}

	if obs, ok := awserr.FromSDK(err); ok {
		if obs.Status >= 500 {
			return fmt.Sprintf("it answered HTTP %d (%s)", obs.Status, obs.Code)
		}
		return fmt.Sprintf("it refused with HTTP %d %s: %s", obs.Status, obs.Code, obs.Message)
	}

	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) {
		return fmt.Sprintf("it answered HTTP %d with a body that is not an ECS answer",
			respErr.HTTPStatusCode())
	}
	return "the answer is not an ECS answer"
}
