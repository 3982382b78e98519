package reference

import (
	"encoding/json"
	"net/http"
	"strings"
)

// The reference's own controls: calls no AWS service has, under a path no AWS API uses, for
// what a test needs to make happen on real infrastructure by other means. One control
// exists, for the container instance's agent:
//
//	POST /_reference/agents/disconnect   {"cluster": "c", "containerInstance": "ARN or ID"}
//	POST /_reference/agents/connect      (same body)
//
// Disconnecting an agent is what a network partition or a stopped ecs-agent service does to
// a real instance: ECS shows agentConnected false, and terminating the EC2 instance then no
// longer deregisters the container instance. Connecting undoes it. The answer is the
// container instance, as {"containerInstance": {...}}; errors are awsJson errors, as for ECS.
const controlPrefix = "/_reference/"

type agentControlRequest struct {
	Cluster           string `json:"cluster"`
	ContainerInstance string `json:"containerInstance"`
}

// serveControl answers one control call.
func (s *Server) serveControl(w http.ResponseWriter, r *http.Request, requestID string) (
	string, int, error) {
	op := strings.TrimPrefix(r.URL.Path, controlPrefix)
	connect := op == "agents/connect"
	if !connect && op != "agents/disconnect" {
		err := clientFault(codeUnknownOperation, "Unknown reference control %q; the "+
			"controls are agents/disconnect and agents/connect.", op)
		status, _ := s.writeAnswer(w, requestID, nil, err)
		return op, status, err
	}

	payload, err := s.agentControl(w, r, connect)
	status, _ := s.writeAnswer(w, requestID, payload, err)
	return op, status, err
}

func (s *Server) agentControl(w http.ResponseWriter, r *http.Request, connect bool) ([]byte,
	error) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return nil, methodNotAllowed(r.Method)
	}
	body, err := readBody(w, r, s.opts.MaxBodyBytes)
	if err != nil {
		return nil, err
	}
	var req agentControlRequest
	if err := decodeBody(body, &req); err != nil {
		return nil, err
	}
	if err := checkRequired("containerInstance", req.ContainerInstance); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	i, err := s.findInstance(c, req.ContainerInstance)
	if err != nil {
		return nil, err
	}
	if i.agentDisconnected == connect {
		i.agentDisconnected = !connect
		i.touch()
	}
	return json.Marshal(containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)})
}
