package container

import (
	"context"
	"errors"
	"fmt"
	stdlog "log"
	"os"
	"sync"
	"time"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
	tclog "github.com/testcontainers/testcontainers-go/log"
)

// EngineTimeout bounds EngineAvailable: a run that falls back to the in-process reference
// should not wait long to learn that no engine answers.
const EngineTimeout = 2 * time.Second

// Logger receives the package's progress messages, one line each. A *log.Logger is one.
type Logger = tclog.Logger

// logger is where this package and testcontainers write; stderr until SetLogger changes it.
var logger Logger = stdlog.New(os.Stderr, "container: ", stdlog.LstdFlags)

// SetLogger sends the package's messages, and testcontainers' own, to l. A nil l discards
// them. Call it before any other function of the package; it is not safe for concurrent use.
func SetLogger(l Logger) {
	if l == nil {
		l = tclog.NewNoopLogger()
	}
	logger = l
	tclog.SetDefault(l)
}

// configure makes testcontainers run without Ryuk. testcontainers reads its configuration
// once per process, so this must happen before the first call that talks to Docker; every
// exported function that does calls it first.
var configure = sync.OnceValue(func() error {
	if err := os.Setenv("TESTCONTAINERS_RYUK_DISABLED", "true"); err != nil {
		return err
	}
	tclog.SetDefault(logger)
	if !testcontainers.ReadConfig().RyukDisabled {
		return errors.New("testcontainers read its configuration before Ryuk could be " +
			"disabled; set TESTCONTAINERS_RYUK_DISABLED=true in the environment")
	}
	return nil
})

// EngineAvailable reports, within EngineTimeout, whether a Docker engine answers. Its error
// says why not, for a message such as "no Docker engine (...): using the in-process
// reference".
func EngineAvailable(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, EngineTimeout)
	defer cancel()

	cli, err := dockerClient(ctx)
	if err != nil {
		return err
	}
	defer cli.Close()

	if _, err := cli.Ping(ctx, client.PingOptions{}); err != nil {
		return fmt.Errorf("the Docker engine does not answer: %w", err)
	}
	return nil
}

// dockerClient returns a client of the engine testcontainers chose (DOCKER_HOST, the Docker
// context, the default socket, ...).
func dockerClient(ctx context.Context) (*testcontainers.DockerClient, error) {
	if err := configure(); err != nil {
		return nil, err
	}
	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return nil, fmt.Errorf("no Docker engine: %w", err)
	}
	return cli, nil
}

// dockerProvider returns testcontainers' provider, which builds images and runs containers.
func dockerProvider() (*testcontainers.DockerProvider, error) {
	if err := configure(); err != nil {
		return nil, err
	}
	provider, err := testcontainers.NewDockerProvider(testcontainers.WithLogger(logger))
	if err != nil {
		return nil, fmt.Errorf("no Docker engine: %w", err)
	}
	return provider, nil
}
