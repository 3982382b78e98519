package endpoint

import (
	"context"
	"fmt"
	"strings"

	"github.com/ecs-conformance/deregister/harness/container"
	"github.com/ecs-conformance/deregister/harness/reference"
)

// Started is the endpoint a run talks to, once it is up.
type Started struct {
	URL string

	// Description says, for a person, what answers at URL.
	Description string

	// Container is the endpoint's container, nil unless the run started one. Its exported
	// fields marshal to JSON, for the other parallel processes to read its log.
	Container *container.Running

	stop func(ctx context.Context) error
}

// Stop stops what Start started; it is safe to call when nothing was started.
func (s *Started) Stop(ctx context.Context) error {
	if s.stop == nil {
		return nil
	}
	return s.stop(ctx)
}

// Start brings up the endpoint the settings choose: nothing to do for a URL; a user's image
// or the reference image in a container; or the reference in this process. logf receives
// one line per event worth telling a person, such as falling back to the in-process
// reference because no Docker engine answers.
func Start(ctx context.Context, s Settings, logf func(format string, args ...any)) (*Started,
	error) {
	switch {
	case s.URL != "":
		return &Started{URL: s.URL, Description: s.URL + " (" + s.Source + ")"}, nil
	case s.Image != nil:
		if err := container.EngineAvailable(ctx); err != nil {
			return nil, fmt.Errorf("%s names an image, but %w", container.EnvImage, err)
		}
		return startContainer(ctx, *s.Image, "image "+s.Image.Image)
	case s.Reference == InContainer:
		if err := container.EngineAvailable(ctx); err != nil {
			logf("no Docker engine answers (%v): falling back to the in-process reference", err)
			return startInProcess(s)
		}
		image, err := container.BuildReferenceImage(ctx)
		if err != nil {
			return nil, err
		}
		reference := container.ReferenceTarget(image)
		if s.RequireEC2Instance {
			reference.Cmd = []string{"-require-ec2-instance"}
		}
		return startContainer(ctx, reference, "reference image "+image)
	default:
		return startInProcess(s)
	}
}

// startContainer sweeps what earlier runs left, then starts target.
func startContainer(ctx context.Context, target container.Target, what string) (*Started,
	error) {
	if _, err := container.Sweep(ctx); err != nil {
		return nil, fmt.Errorf("removing the leftovers of earlier runs: %w", err)
	}
	running, err := container.Start(ctx, target)
	if err != nil {
		return nil, err
	}
	return &Started{
		URL:         running.URL,
		Description: fmt.Sprintf("%s (%s, container %.12s)", running.URL, what, running.ContainerID),
		Container:   running,
		stop:        running.Terminate,
	}, nil
}

// startInProcess starts the reference endpoint in this process on a free loopback port, with
// the defects the settings name (none, but for the mutation self-check).
func startInProcess(s Settings) (*Started, error) {
	options := reference.Options{Region: s.Region, Defects: s.Defects,
		RequireEC2Instance: s.RequireEC2Instance}
	if s.VerifySignatures {
		creds := s.SigningCredentials()
		options.Credentials = map[string]string{creds.AccessKeyID: creds.SecretAccessKey}
	}
	running, err := reference.New(options).Listen("127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the in-process reference endpoint: %w", err)
	}

	description := running.URL + " (in-process reference)"
	if s.RequireEC2Instance {
		description = running.URL + " (in-process reference requiring EC2 instances)"
	}
	if len(s.Defects) > 0 {
		description = fmt.Sprintf("%s (in-process reference with defects %v)", running.URL,
			s.Defects)
	}
	if s.VerifySignatures {
		description = strings.TrimSuffix(description, ")") + ", verifying SigV4)"
	}
	return &Started{
		URL:         running.URL,
		Description: description,
		stop:        func(context.Context) error { return running.Close() },
	}, nil
}
