package container

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/api/types/network"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

// loopback is where the container's port is published, and where the endpoint is reached.
var loopback = netip.MustParseAddr("127.0.0.1")

// pollInterval is how often readiness is asked: often enough that the reference image is
// reported ready within a few milliseconds of listening.
const pollInterval = 20 * time.Millisecond

// Start runs target as a container, waits until ListClusters answers on its port, and returns
// the running endpoint. It gives up after target.StartupTimeout with a *StartError naming the
// cause (image not found, container exited with code N, not ready within T), and removes the
// container it created. Cancelling ctx (e.g. on an interrupt) removes it as well.
func Start(ctx context.Context, target Target) (*Running, error) {
	target, err := target.withDefaults()
	if err != nil {
		return nil, err
	}
	provider, err := dockerProvider()
	if err != nil {
		return nil, err
	}
	defer provider.Close()

	ctx, cancel := context.WithTimeout(ctx, target.StartupTimeout)
	defer cancel()

	started := time.Now()
	request := testcontainers.GenericContainerRequest{
		ContainerRequest: testcontainers.ContainerRequest{
			Image:              target.Image,
			ExposedPorts:       []string{target.Port},
			Env:                target.Env,
			Cmd:                target.Cmd,
			Labels:             ownLabels(),
			HostConfigModifier: publishOnLoopback(target.Port),
			WaitingFor:         onLoopback{answersListClusters(target)},
		},
		Started: true,
		Logger:  logger,
	}
	ctr, err := testcontainers.GenericContainer(ctx, request)
	if err != nil {
		return nil, startFailure(ctx, provider, target, ctr, err)
	}

	url, err := endpointURL(ctx, ctr, target.Port)
	if err != nil {
		return nil, startFailure(ctx, provider, target, ctr, err)
	}
	logger.Printf("%s ready at %s in %s", target.Image, url,
		time.Since(started).Round(time.Millisecond))
	running := &Running{URL: url, ContainerID: ctr.GetContainerID(), Image: target.Image,
		ctr: ctr}
	if inspected, err := ctr.Inspect(ctx); err == nil {
		running.ImageID = inspected.Image
	}
	return running, nil
}

// publishOnLoopback publishes port on a free port of 127.0.0.1, never of every interface.
func publishOnLoopback(port string) func(*container.HostConfig) {
	return func(hostConfig *container.HostConfig) {
		hostConfig.PortBindings = network.PortMap{
			network.MustParsePort(port): {{HostIP: loopback}},
		}
	}
}

// answersListClusters is the readiness check: a real ECS call, unsigned, whose answer must be
// 200 and carry clusterArns. A port that merely accepts connections, or a proxy answering
// 200 before the emulator behind it is up, does not pass.
func answersListClusters(target Target) wait.Strategy {
	return wait.ForHTTP("/").
		WithPort(target.Port).
		WithMethod(http.MethodPost).
		WithHeaders(map[string]string{
			"Content-Type": "application/x-amz-json-1.1",
			"X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters",
		}).
		WithBody(strings.NewReader("{}")).
		WithStatusCodeMatcher(func(status int) bool { return status == http.StatusOK }).
		WithResponseMatcher(isListClustersAnswer).
		WithPollInterval(pollInterval).
		WithStartupTimeout(target.StartupTimeout)
}

func isListClustersAnswer(body io.Reader) bool {
	var answer struct {
		ClusterArns *[]string `json:"clusterArns"`
	}
	return json.NewDecoder(body).Decode(&answer) == nil && answer.ClusterArns != nil
}

// onLoopback runs a wait strategy against 127.0.0.1, where the port is published.
// testcontainers would otherwise ask the daemon's host, which is the bridge gateway when this
// process runs in a container, and which the loopback binding does not serve.
type onLoopback struct{ wait.Strategy }

func (s onLoopback) WaitUntilReady(ctx context.Context, target wait.StrategyTarget) error {
	return s.Strategy.WaitUntilReady(ctx, loopbackTarget{target})
}

// String describes the check in testcontainers' "Waiting for" line.
func (s onLoopback) String() string {
	return "ListClusters to answer 200 on 127.0.0.1"
}

type loopbackTarget struct{ wait.StrategyTarget }

func (loopbackTarget) Host(context.Context) (string, error) { return loopback.String(), nil }

// endpointURL is the URL of the container's published port.
func endpointURL(ctx context.Context, ctr testcontainers.Container, port string) (string,
	error) {
	mapped, err := ctr.MappedPort(ctx, port)
	if err != nil {
		return "", fmt.Errorf("finding the published port of %s: %w", port, err)
	}
	return "http://" + loopback.String() + ":" + mapped.Port(), nil
}
