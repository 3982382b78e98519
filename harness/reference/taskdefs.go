package reference

import (
	"strconv"
	"strings"
)

// launchTypeEC2 is the only launch type and compatibility this endpoint implements.
const launchTypeEC2 = "EC2"

type registerTaskDefinitionRequest struct {
	Family                  string                `json:"family"`
	ContainerDefinitions    []containerDefinition `json:"containerDefinitions"`
	CPU                     string                `json:"cpu"`
	Memory                  string                `json:"memory"`
	NetworkMode             string                `json:"networkMode"`
	RequiresCompatibilities []string              `json:"requiresCompatibilities"`
	Tags                    []tag                 `json:"tags"`
}

type registerTaskDefinitionAnswer struct {
	TaskDefinition wireTaskDefinition `json:"taskDefinition"`
	Tags           []tag              `json:"tags"`
}

// registerTaskDefinition adds the next revision of a family (revisions count from 1).
func (s *Server) registerTaskDefinition(req *registerTaskDefinitionRequest) (any, error) {
	if err := checkRequired("family", req.Family); err != nil {
		return nil, err
	}
	if len(req.ContainerDefinitions) == 0 {
		return nil, blank("containerDefinitions")
	}
	if !validName(req.Family) {
		return nil, clientError(
			"Family must be 1 to 255 letters, numbers, hyphens and underscores.")
	}
	err := checkEnum("networkMode", req.NetworkMode, "bridge", "host", "awsvpc", "none")
	if err != nil {
		return nil, err
	}
	for _, c := range req.RequiresCompatibilities {
		if err := checkEnum("requiresCompatibilities", c, launchTypeEC2, "FARGATE",
			"EXTERNAL"); err != nil {
			return nil, err
		}
	}

	d := &taskDefinition{
		family:                  req.Family,
		revision:                int32(len(s.families[req.Family]) + 1),
		status:                  statusActive,
		registeredAt:            s.now(),
		networkMode:             req.NetworkMode,
		cpu:                     req.CPU,
		memory:                  req.Memory,
		requiresCompatibilities: req.RequiresCompatibilities,
		containers:              req.ContainerDefinitions,
		tags:                    orEmpty(req.Tags),
	}
	if d.networkMode == "" {
		d.networkMode = "bridge"
	}
	if err := d.normalizeContainers(); err != nil {
		return nil, err
	}
	if d.need, err = d.resourceNeed(); err != nil {
		return nil, err
	}

	s.families[d.family] = append(s.families[d.family], d)
	return registerTaskDefinitionAnswer{
		TaskDefinition: s.renderTaskDefinition(d),
		Tags:           d.tags,
	}, nil
}

type deregisterTaskDefinitionRequest struct {
	TaskDefinition string `json:"taskDefinition"`
}

// taskDefinitionAnswer is the output of DeregisterTaskDefinition.
type taskDefinitionAnswer struct {
	TaskDefinition wireTaskDefinition `json:"taskDefinition"`
}

// deregisterTaskDefinition marks one revision INACTIVE. Tasks already running from it go
// on; only new tasks are refused. Deregistering it again returns it unchanged.
func (s *Server) deregisterTaskDefinition(req *deregisterTaskDefinitionRequest) (any, error) {
	if err := checkRequired("taskDefinition", req.TaskDefinition); err != nil {
		return nil, err
	}
	family, revision := s.parseTaskDefinitionRef(req.TaskDefinition)
	if revision == "" {
		return nil, clientError("A revision is required: give family:revision or a full ARN.")
	}
	d := s.lookupTaskDefinition(family, revision)
	if d == nil {
		return nil, clientError("Unable to describe task definition.")
	}

	if d.status == statusActive {
		d.status = statusInactive
		d.deregisteredAt = s.now()
	}
	return taskDefinitionAnswer{TaskDefinition: s.renderTaskDefinition(d)}, nil
}

// usableTaskDefinition resolves the taskDefinition member of RunTask and StartTask: a
// family (its latest ACTIVE revision), family:revision, or a full ARN.
func (s *Server) usableTaskDefinition(ref string) (*taskDefinition, error) {
	d := s.lookupTaskDefinition(s.parseTaskDefinitionRef(ref))
	if d == nil {
		return nil, clientError("Unable to describe task definition.")
	}
	if d.status != statusActive {
		return nil, clientError("TaskDefinition is inactive")
	}
	return d, nil
}

// parseTaskDefinitionRef splits a reference into family and revision text (empty when the
// reference names only a family). An ARN of another region or account names nothing here,
// which the empty family expresses.
func (s *Server) parseTaskDefinitionRef(ref string) (family, revision string) {
	if strings.HasPrefix(ref, "arn:") {
		segments, ok := s.arnSegments(ref)
		if !ok || len(segments) != 2 || segments[0] != kindTaskDefinition {
			return "", ""
		}
		ref = segments[1]
	}
	family, revision, _ = strings.Cut(ref, ":")
	return family, revision
}

// lookupTaskDefinition finds a revision, or the latest ACTIVE one when revision is empty.
func (s *Server) lookupTaskDefinition(family, revision string) *taskDefinition {
	revisions := s.families[family]
	if revision == "" {
		for k := len(revisions) - 1; k >= 0; k-- {
			if revisions[k].status == statusActive {
				return revisions[k]
			}
		}
		return nil
	}

	n, err := strconv.Atoi(revision)
	if err != nil || n < 1 || n > len(revisions) {
		return nil
	}
	return revisions[n-1]
}
