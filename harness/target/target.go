// Package target reads target files: one small YAML file per endpoint under test, saying what
// it is called, how to reach or start it, how the suite registers container instances on it,
// which capabilities it claims and which specs are known to fail on it.
//
// A target file looks like this (every key but name and endpoint is optional):
//
//	name: my-emulator               # shown in reports
//	endpoint:                       # exactly one of url, image, reference
//	  url: http://127.0.0.1:4566    # a running endpoint (http or https)
//	  # image:                      # or a container image the harness starts
//	  #   ref: example/ecs:1.2      #   image reference (required)
//	  #   port: 4566/tcp            #   the port ECS is served on (required)
//	  #   env: {KEY: value}         #   environment of the container
//	  #   cmd: [serve, --all]       #   command arguments
//	  #   startup_timeout: 60s      #   how long to wait for readiness (default 60s)
//	  # reference: in-process       # or the project's reference endpoint, in-process or
//	                                #   container (built from this repository)
//	readiness: ListClusters         # the check that the endpoint is up: a real ECS call
//	registration: synthetic         # synthetic (default) or ec2-first
//	capabilities: [default-cluster, task-state]
//	expected_failures:
//	  - id: C6                      # a row ID (all its specs) or a spec ID such as F5a
//	    reason: tasks start RUNNING at once
//
// Files are read strictly: an unknown key, a value of the wrong type or a bad value is an
// error of the form "file:line: key: problem", and every such error of a file is reported.
package target

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/ecs-conformance/deregister/harness/behaviours"
	"github.com/ecs-conformance/deregister/harness/labels"
)

// Target is one endpoint under test, as a target file describes it.
type Target struct {
	// File is the path the target was read from.
	File string

	// Name is what reports call the target.
	Name string

	// Endpoint says how to reach or start the endpoint.
	Endpoint Endpoint

	// Readiness is how the harness knows the endpoint is up. ListClusters, a real ECS call
	// that must answer 200, is the only check so far.
	Readiness string

	// Registration is how the suite registers container instances: Registration* constants.
	Registration string

	// Capabilities are what the endpoint claims beyond plain ECS calls (see Capabilities).
	Capabilities []string

	// ExpectedFailures are the specs known to fail on this endpoint.
	ExpectedFailures []ExpectedFailure
}

// Endpoint is exactly one way of reaching the endpoint: a URL, an image or the project's
// reference endpoint.
type Endpoint struct {
	// URL of a running endpoint, http or https.
	URL string

	// Image is a container image the harness starts, or nil.
	Image *Image

	// Reference is ReferenceInProcess or ReferenceContainer for the project's reference
	// endpoint, empty otherwise.
	Reference string
}

// Image is a container image serving the endpoint.
type Image struct {
	// Ref is the image reference, e.g. "example/ecs:1.2".
	Ref string

	// Port is the container port ECS is served on, as "N/tcp".
	Port string

	// Env is the container's environment.
	Env map[string]string

	// Cmd are the container's command arguments; empty keeps the image's own.
	Cmd []string

	// StartupTimeout bounds the wait for readiness; DefaultStartupTimeout when not given.
	StartupTimeout time.Duration
}

// ExpectedFailure is a spec, or every spec of a row, known to fail on the target.
type ExpectedFailure struct {
	// ID is a row ID ("C6", all its specs) or a spec ID ("F5a").
	ID string

	// Reason says why it fails; required so that a baseline explains itself.
	Reason string

	// Line is the line of the entry in the target file, for messages about it.
	Line int
}

// Accepted values and defaults.
const (
	ReadinessListClusters = "ListClusters"

	ReferenceInProcess = "in-process"
	ReferenceContainer = "container"

	RegistrationSynthetic = "synthetic"
	RegistrationEC2First  = "ec2-first"

	DefaultStartupTimeout = 60 * time.Second
)

// Capabilities is the closed list of capabilities a target may claim; each is also the
// label of the specs that need it (see harness/labels).
var Capabilities = labels.Capabilities

// Load reads and validates the target file at path.
func Load(path string) (*Target, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading target file: %w", err)
	}
	return Parse(path, data)
}

// Claims reports whether the target claims the capability.
func (t *Target) Claims(capability string) bool {
	return slices.Contains(t.Capabilities, capability)
}

// Expects returns the expected failure matching a spec ID: the entry naming the spec itself,
// or else the entry naming its row. The second result is false when none matches.
func (t *Target) Expects(specID string) (ExpectedFailure, bool) {
	row := behaviours.RowID(specID)
	var byRow *ExpectedFailure
	for i, e := range t.ExpectedFailures {
		if e.ID == specID {
			return e, true
		}
		if e.ID == row {
			byRow = &t.ExpectedFailures[i]
		}
	}
	if byRow != nil {
		return *byRow, true
	}
	return ExpectedFailure{}, false
}

// Location returns "file:line" of an expected failure, for messages about it.
func (t *Target) Location(e ExpectedFailure) string {
	return fmt.Sprintf("%s:%d", t.File, e.Line)
}
