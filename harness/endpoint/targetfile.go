package endpoint

import (
	"fmt"
	"slices"

	"github.com/ecs-conformance/deregister/harness/container"
	"github.com/ecs-conformance/deregister/harness/target"
)

// applyTargetFile takes the endpoint, registration strategy and capabilities from the target
// file at path (see harness/target). A target file describes the endpoint whole, so naming
// another endpoint in the environment as well is an error rather than a silent override.
func (s *Settings) applyTargetFile(path string) error {
	t, err := target.Load(path)
	if err != nil {
		return fmt.Errorf("%s: %w", EnvTarget, err)
	}
	if s.Source != Embedded {
		return fmt.Errorf("both %s and %s name an endpoint; choose one", EnvTarget, s.Source)
	}

	source := "target " + t.Name
	switch e := t.Endpoint; {
	case e.URL != "":
		if err := checkURL(e.URL); err != nil {
			return fmt.Errorf("%s: endpoint.url %q: %w", path, e.URL, err)
		}
		s.URL, s.Source = e.URL, source // Load's guard judges it like any other URL
	case e.Image != nil:
		s.Image = &container.Target{Image: e.Image.Ref, Port: e.Image.Port, Env: e.Image.Env,
			Cmd: e.Image.Cmd, StartupTimeout: e.Image.StartupTimeout}
		s.Source = source
	case e.Reference == target.ReferenceContainer:
		s.Reference = InContainer
	case e.Reference == target.ReferenceInProcess:
		s.Reference = InProcess
	}

	s.Registration = t.Registration
	s.Capabilities = slices.Clone(t.Capabilities)
	if s.Capabilities == nil {
		s.Capabilities = []string{} // claims none, which differs from no target file at all
	}
	s.Target = t
	return nil
}

// Claims reports whether the endpoint claims a capability. Without a target file every
// capability is claimed, so that every spec runs.
func (s Settings) Claims(capability string) bool {
	return s.Capabilities == nil || slices.Contains(s.Capabilities, capability)
}
