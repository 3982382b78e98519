package container

import (
	"fmt"
	"strings"
	"time"

	"github.com/moby/moby/api/types/network"
)

// The environment variables that describe a target; a target file (see harness/target) can
// say the same.
const (
	EnvImage          = "ECS_CONFORMANCE_IMAGE"           // image reference; unset: no target
	EnvImagePort      = "ECS_CONFORMANCE_IMAGE_PORT"      // container port, e.g. 5000 or 4566/tcp
	EnvImageEnv       = "ECS_CONFORMANCE_IMAGE_ENV"       // k=v,k=v
	EnvImageCmd       = "ECS_CONFORMANCE_IMAGE_CMD"       // arguments, split on white space
	EnvStartupTimeout = "ECS_CONFORMANCE_STARTUP_TIMEOUT" // e.g. 90s
)

// Defaults of a Target's fields.
const (
	// DefaultPort is LocalStack's port, and the one the reference image listens on.
	DefaultPort = "4566/tcp"

	// DefaultStartupTimeout leaves room for emulators that take tens of seconds to boot.
	DefaultStartupTimeout = 60 * time.Second
)

// Target is an image to run as the endpoint under test.
type Target struct {
	// Image is the image reference, e.g. localstack/localstack:4 or a tag BuildReferenceImage
	// returned. It is pulled when the engine does not have it.
	Image string

	// Port is the container port the endpoint listens on, as PORT/tcp. Default DefaultPort.
	Port string

	// Env is added to the container's environment.
	Env map[string]string

	// Cmd replaces the image's CMD; with an ENTRYPOINT, it is the entrypoint's arguments.
	Cmd []string

	// StartupTimeout bounds Start, from creating the container to the first answered
	// ListClusters. Default DefaultStartupTimeout.
	StartupTimeout time.Duration
}

// ReferenceTarget is the target of the reference image image (see BuildReferenceImage).
func ReferenceTarget(image string) Target {
	return Target{Image: image, Port: DefaultPort, StartupTimeout: DefaultStartupTimeout}
}

// TargetFromEnv reads a target from getenv (os.Getenv in a run). ok is false when it names no
// image. Every error names the variable at fault.
func TargetFromEnv(getenv func(string) string) (t Target, ok bool, err error) {
	t.Image = strings.TrimSpace(getenv(EnvImage))
	if t.Image == "" {
		return Target{}, false, nil
	}

	t.Port = DefaultPort
	if value := strings.TrimSpace(getenv(EnvImagePort)); value != "" {
		if t.Port, err = normalizePort(value); err != nil {
			return Target{}, false, fmt.Errorf("%s=%q: %w", EnvImagePort, value, err)
		}
	}

	if value := getenv(EnvImageEnv); strings.TrimSpace(value) != "" {
		t.Env = map[string]string{}
		for pair := range strings.SplitSeq(value, ",") {
			name, v, found := strings.Cut(strings.TrimSpace(pair), "=")
			if !found || name == "" {
				return Target{}, false, fmt.Errorf("%s=%q: want NAME=VALUE pairs separated "+
					"by commas, got %q", EnvImageEnv, value, pair)
			}
			t.Env[name] = v
		}
	}

	// Left nil when empty: an empty Cmd would replace the image's CMD with nothing.
	if args := strings.Fields(getenv(EnvImageCmd)); len(args) > 0 {
		t.Cmd = args
	}

	t.StartupTimeout = DefaultStartupTimeout
	if value := strings.TrimSpace(getenv(EnvStartupTimeout)); value != "" {
		timeout, err := time.ParseDuration(value)
		if err != nil || timeout <= 0 {
			return Target{}, false, fmt.Errorf("%s=%q: want a positive duration such as 90s",
				EnvStartupTimeout, value)
		}
		t.StartupTimeout = timeout
	}
	return t, true, nil
}

// normalizePort accepts 5000 or 5000/tcp and returns 5000/tcp. The readiness check speaks
// HTTP, so only TCP ports make sense.
func normalizePort(value string) (string, error) {
	if !strings.Contains(value, "/") {
		value += "/tcp"
	}
	port, err := network.ParsePort(value)
	if err != nil || port.Num() == 0 {
		return "", fmt.Errorf("want a container port such as 4566 or 4566/tcp")
	}
	if port.Proto() != network.TCP {
		return "", fmt.Errorf("the endpoint speaks HTTP: want a tcp port")
	}
	return port.String(), nil
}

// withDefaults fills the fields a caller left empty, and checks the others.
func (t Target) withDefaults() (Target, error) {
	if strings.TrimSpace(t.Image) == "" {
		return t, fmt.Errorf("the target names no image")
	}
	if t.Port == "" {
		t.Port = DefaultPort
	}
	port, err := normalizePort(t.Port)
	if err != nil {
		return t, fmt.Errorf("port %q: %w", t.Port, err)
	}
	t.Port = port
	if t.StartupTimeout <= 0 {
		t.StartupTimeout = DefaultStartupTimeout
	}
	return t, nil
}
