// Package endpoint decides which ECS endpoint a run talks to, refuses endpoints that are real
// AWS unless told otherwise, and checks that the chosen endpoint answers before any spec runs.
package endpoint

import (
	"cmp"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/container"
	"github.com/ecs-conformance/deregister/harness/reference"
	"github.com/ecs-conformance/deregister/harness/target"
)

// The environment variables a run reads. EnvSDKEndpoint and EnvSDKGlobalEndpoint are the AWS
// SDK's own; EnvEndpoint, the project's, wins over both.
const (
	EnvEndpoint          = "ECS_CONFORMANCE_ENDPOINT"
	EnvSDKEndpoint       = "AWS_ENDPOINT_URL_ECS"
	EnvSDKGlobalEndpoint = "AWS_ENDPOINT_URL"
	EnvRegion            = "ECS_CONFORMANCE_REGION"
	EnvSDKRegion         = "AWS_REGION"
	EnvTimeout           = "ECS_CONFORMANCE_TIMEOUT"
	EnvRegistration      = "ECS_CONFORMANCE_REGISTRATION"
	EnvAllowRealAWS      = "ECS_CONFORMANCE_ALLOW_REAL_AWS"
	EnvDefects           = "ECS_CONFORMANCE_REFERENCE_DEFECTS"
	EnvRequireEC2        = "ECS_CONFORMANCE_REFERENCE_REQUIRE_EC2"
	EnvReference         = "ECS_CONFORMANCE_REFERENCE"
	EnvTarget            = "ECS_CONFORMANCE_TARGET"
	EnvCredentials       = "ECS_CONFORMANCE_CREDENTIALS"
	EnvReferenceSigV4    = "ECS_CONFORMANCE_REFERENCE_SIGV4"
)

// How the project's reference endpoint runs when no endpoint is named (EnvReference).
const (
	// InProcess runs it inside the suite's first process: the default, and the fastest.
	InProcess = "in-process"

	// InContainer builds it into an image and runs that in a container, as a user's
	// emulator image would be run; without a Docker engine the run falls back to InProcess.
	InContainer = "container"
)

// Embedded names the source of settings when no endpoint was given: the run starts the
// project's reference endpoint, in process or in a container (see Reference).
const Embedded = "embedded reference"

// Settings are the resolved choices of a run.
type Settings struct {
	awsclient.Endpoint

	// Source says where URL came from: an environment variable's name, or Embedded (URL is
	// then empty until the reference is started).
	Source string

	// Registration names the strategy that registers container instances (see package
	// provision). Default "synthetic".
	Registration string

	// AllowRealAWS is the explicit opt-in to talk to an amazonaws.com endpoint.
	AllowRealAWS bool

	// Image is the emulator image to start and test, when EnvImage names one.
	Image *container.Target

	// Reference says how the reference endpoint runs when neither URL nor Image is set:
	// InProcess or InContainer.
	Reference string

	// Target is the target file the run was given (EnvTarget), or nil.
	Target *target.Target

	// Capabilities are those the target claims; nil, without a target file, claims all.
	Capabilities []string

	// Defects are the emulator bugs the embedded reference is started with, for the mutation
	// self-check only. They cannot be combined with an endpoint of one's own.
	Defects []reference.Defect

	// RequireEC2Instance starts the embedded reference so that it registers only container
	// instances whose EC2 instance was launched on it (see reference.Options). It is on when
	// EnvRequireEC2 says yes, and whenever the registration strategy is ec2-first, so that
	// such a run proves the strategy rather than passing on a lenient endpoint.
	RequireEC2Instance bool

	// VerifySignatures makes the in-process reference verify the SigV4 signature of every
	// request against the credentials the suite signs with (EnvReferenceSigV4).
	VerifySignatures bool
}

// Load resolves the settings from getenv (os.Getenv in a run, a map in tests) and applies the
// real-AWS guard. Every error names the variable at fault.
func Load(getenv func(string) string) (Settings, error) {
	s := Settings{Source: Embedded, Registration: "synthetic"}

	for _, name := range []string{EnvEndpoint, EnvSDKEndpoint, EnvSDKGlobalEndpoint} {
		if value := strings.TrimSpace(getenv(name)); value != "" {
			s.URL, s.Source = strings.TrimRight(value, "/"), name
			break
		}
	}
	if s.URL != "" {
		if err := checkURL(s.URL); err != nil {
			return Settings{}, fmt.Errorf("%s=%q: %w", s.Source, s.URL, err)
		}
	}

	s.Region = "us-east-1"
	for _, name := range []string{EnvRegion, EnvSDKRegion} {
		if value := strings.TrimSpace(getenv(name)); value != "" {
			s.Region = value
			break
		}
	}

	s.Timeout = 10 * time.Second
	if value := getenv(EnvTimeout); value != "" {
		timeout, err := time.ParseDuration(value)
		if err != nil || timeout <= 0 {
			return Settings{}, fmt.Errorf("%s=%q: want a positive duration such as 5s", EnvTimeout,
				value)
		}
		s.Timeout = timeout
	}

	if value := getenv(EnvRegistration); value != "" {
		s.Registration = value
	}

	allow, err := yesNo(getenv, EnvAllowRealAWS)
	if err != nil {
		return Settings{}, err
	}
	s.AllowRealAWS = allow

	image, named, err := container.TargetFromEnv(getenv)
	if err != nil {
		return Settings{}, err
	}
	if named {
		if s.URL != "" {
			return Settings{}, fmt.Errorf("both %s and %s name an endpoint; choose one",
				s.Source, container.EnvImage)
		}
		s.Image, s.Source = &image, container.EnvImage
	}

	switch s.Reference = cmp.Or(getenv(EnvReference), InProcess); s.Reference {
	case InProcess, InContainer:
	default:
		return Settings{}, fmt.Errorf("%s=%q: want %s or %s", EnvReference, s.Reference,
			InProcess, InContainer)
	}

	if path := getenv(EnvTarget); path != "" {
		if err := s.applyTargetFile(path); err != nil {
			return Settings{}, err
		}
	}

	if s.Credentials, err = SigningCredentials(getenv); err != nil {
		return Settings{}, err
	}
	if s.VerifySignatures, err = yesNo(getenv, EnvReferenceSigV4); err != nil {
		return Settings{}, err
	}
	if s.VerifySignatures && (s.Source != Embedded || s.Reference != InProcess) {
		return Settings{}, fmt.Errorf("%s applies to the in-process reference only",
			EnvReferenceSigV4)
	}

	if value := getenv(EnvDefects); value != "" {
		defects, err := reference.ParseDefects(value)
		if err != nil {
			return Settings{}, fmt.Errorf("%s: %w", EnvDefects, err)
		}
		if s.Source != Embedded || s.Reference != InProcess {
			return Settings{}, fmt.Errorf("%s applies to the in-process reference only",
				EnvDefects)
		}
		s.Defects = defects
	}

	switch value := strings.ToLower(getenv(EnvRequireEC2)); value {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		if s.Source != Embedded {
			return Settings{}, fmt.Errorf("%s applies to the reference endpoint only; %s "+
				"names another endpoint", EnvRequireEC2, s.Source)
		}
		s.RequireEC2Instance = true
	default:
		return Settings{}, fmt.Errorf("%s=%q: want yes or no", EnvRequireEC2, value)
	}
	if s.Registration == target.RegistrationEC2First && s.Source == Embedded {
		s.RequireEC2Instance = true
	}

	return s, Guard(s.URL, s.AllowRealAWS, getenv)
}

// SigningCredentials reads EnvCredentials, KEY:SECRET, the credentials the suite signs with
// instead of its dummy pair (for an endpoint that verifies signatures). Every process of a
// parallel run reads them from its own environment. The error never repeats the value.
func SigningCredentials(getenv func(string) string) (aws.Credentials, error) {
	value := getenv(EnvCredentials)
	if value == "" {
		return aws.Credentials{}, nil
	}
	keyID, secret, ok := strings.Cut(value, ":")
	if !ok || keyID == "" || secret == "" {
		return aws.Credentials{}, fmt.Errorf("%s: want ACCESS_KEY_ID:SECRET_ACCESS_KEY",
			EnvCredentials)
	}
	return aws.Credentials{AccessKeyID: keyID, SecretAccessKey: secret}, nil
}

// yesNo reads a yes-or-no variable; unset is no.
func yesNo(getenv func(string) string, name string) (bool, error) {
	switch value := strings.ToLower(getenv(name)); value {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	default:
		return false, fmt.Errorf("%s=%q: want yes or no", name, value)
	}
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("want an http:// or https:// URL")
	}
	if u.Host == "" {
		return fmt.Errorf("the URL has no host")
	}
	if u.Path != "" && u.Path != "/" {
		return fmt.Errorf("awsJson endpoints are served at /, not at %q", u.Path)
	}
	return nil
}
