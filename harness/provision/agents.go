package provision

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// AgentControl disconnects the ECS agent of a container instance, as a network partition or
// a stopped agent would on a real instance. No AWS API does that, so an emulator offers its
// own way or none; the specs that need it carry the agent-control capability, and a target
// that claims it plugs its emulator's way in here.
type AgentControl interface {
	DisconnectAgent(ctx context.Context, instance *Instance) error
}

// ReferenceAgents is the reference endpoint's agent control: a POST to
// /_reference/agents/disconnect naming the cluster and the container instance (see
// harness/reference/control.go).
type ReferenceAgents struct {
	// URL is the endpoint's base URL.
	URL string

	// HTTP sends the request.
	HTTP *http.Client
}

// DisconnectAgent disconnects instance's agent; any answer but 200 is an error.
func (r ReferenceAgents) DisconnectAgent(ctx context.Context, instance *Instance) error {
	body, err := json.Marshal(map[string]string{
		"cluster":           instance.Cluster,
		"containerInstance": instance.ARN(),
	})
	if err != nil {
		return err
	}
	url := strings.TrimRight(r.URL, "/") + "/_reference/agents/disconnect"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")

	resp, err := r.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: %s: %s", url, resp.Status, answer)
	}
	return nil
}

// DisconnectAgent disconnects instance's agent through the endpoint's agent control.
func (p *Provisioner) DisconnectAgent(ctx context.Context, instance *Instance) {
	must(p.Agents != nil, "provision: the endpoint has no agent control")
	mustSucceed(p.Agents.DisconnectAgent(ctx, instance),
		"provision: disconnecting the agent of %s", instance.ARN())
	logf("agent of %s disconnected", instance.ARN())
}
