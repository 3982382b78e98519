package reference

import (
	"strconv"
	"strings"
)

// Resource types of the ARN forms an identifier can take.
const (
	kindCluster           = "cluster"
	kindContainerInstance = "container-instance"
	kindTask              = "task"
	kindTaskDefinition    = "task-definition"
)

// arn builds a long-format ECS ARN of this endpoint's region and account.
func (s *Server) arn(resource string) string {
	return "arn:aws:ecs:" + s.opts.Region + ":" + s.opts.AccountID + ":" + resource
}

func (s *Server) clusterARN(name string) string {
	return s.arn(kindCluster + "/" + name)
}

func (s *Server) instanceARN(clusterName, id string) string {
	return s.arn(kindContainerInstance + "/" + clusterName + "/" + id)
}

func (s *Server) taskARN(clusterName, id string) string {
	return s.arn(kindTask + "/" + clusterName + "/" + id)
}

func (s *Server) taskDefinitionARN(d *taskDefinition) string {
	return s.arn(kindTaskDefinition + "/" + d.family + ":" + strconv.Itoa(int(d.revision)))
}

// arnSegments splits the resource part of an ECS ARN of this region and account at its
// slashes; ok is false for anything else (another service, partition, region or account).
func (s *Server) arnSegments(text string) (segments []string, ok bool) {
	parts := strings.SplitN(text, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] != "aws" || parts[2] != "ecs" ||
		parts[3] != s.opts.Region || parts[4] != s.opts.AccountID {
		return nil, false
	}
	return strings.Split(parts[5], "/"), true
}

// clusterName resolves a `cluster` member, a short name or a full ARN, to a cluster name.
// An omitted or empty member means the default cluster.
func (s *Server) clusterName(ident string) (string, error) {
	if ident == "" {
		return defaultCluster, nil
	}

	name := ident
	if strings.HasPrefix(ident, "arn:") {
		if s.has(DefectClusterARNRefused) {
			return "", clusterNotFound() // Defect: the ARN is looked up as a name.
		}
		segments, ok := s.arnSegments(ident)
		if !ok || len(segments) != 2 || segments[0] != kindCluster {
			return "", invalidIdentifier(ident)
		}
		name = segments[1]
	}
	if !validName(name) {
		return "", invalidIdentifier(ident)
	}
	return name, nil
}

// activeCluster resolves a `cluster` member to an existing, not deleted, cluster. The
// default cluster is never created on the fly.
func (s *Server) activeCluster(ident string) (*cluster, error) {
	name, err := s.clusterName(ident)
	if err != nil {
		return nil, err
	}
	c := s.clusters[name]
	if c == nil || c.status != statusActive {
		return nil, clusterNotFound()
	}
	return c, nil
}

// memberID resolves the identifier of a container instance or a task (kind) within
// cluster c to its bare ID. A bare ID has no slash and is not an ARN; an ARN must be
// `<kind>/<cluster>/<id>` and name c itself.
func (s *Server) memberID(c *cluster, kind, ident string) (string, error) {
	bare := ident != "" && !strings.Contains(ident, "/") && !strings.HasPrefix(ident, "arn:")
	switch {
	case bare && s.has(DefectARNOnly):
		return "", invalidIdentifier(ident) // Defect.
	case bare:
		return ident, nil
	case s.has(DefectLenientIdentifiers):
		return ident[strings.LastIndex(ident, "/")+1:], nil // Defect.
	}

	segments, ok := s.arnSegments(ident)
	if !ok || len(segments) != 3 || segments[0] != kind || segments[1] == "" ||
		segments[2] == "" {
		if s.has(DefectMalformedIDIsClient) {
			return "", clientError("Invalid identifier: %s", ident) // Defect.
		}
		return "", invalidIdentifier(ident)
	}
	if segments[1] != c.name {
		return "", invalidParameter("Identifier is for cluster %s. Your cluster is %s",
			segments[1], c.name)
	}
	return segments[2], nil
}

// memberIDs resolves a whole list; one bad identifier fails the whole call, as in ECS.
func (s *Server) memberIDs(c *cluster, kind string, idents []string) ([]string, error) {
	ids := make([]string, 0, len(idents))
	for _, ident := range idents {
		id, err := s.memberID(c, kind, ident)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// visibleInstance returns the instance of cluster c with this ID, or nil when there is none
// or it was deregistered more than an hour ago: after that window ECS forgets it.
func (s *Server) visibleInstance(c *cluster, id string) *instance {
	i := c.instances[id]
	if i == nil {
		return nil
	}
	if i.status == statusInactive && !s.now().Before(i.deregisteredAt.Add(inactiveVisibility)) {
		return nil
	}
	return i
}

// findInstance resolves the identifier of a single container instance in cluster c.
func (s *Server) findInstance(c *cluster, ident string) (*instance, error) {
	id, err := s.memberID(c, kindContainerInstance, ident)
	if err != nil {
		return nil, err
	}
	i := s.visibleInstance(c, id)
	if i == nil {
		return nil, instanceNotFound(id)
	}
	return i, nil
}

// findTask resolves the identifier of a single task in cluster c. The message is the one
// ECS gives StopTask for an unknown task.
func (s *Server) findTask(c *cluster, ident string) (*task, error) {
	id, err := s.memberID(c, kindTask, ident)
	if err != nil {
		return nil, err
	}
	t := c.tasks[id]
	if t == nil {
		return nil, invalidParameter("The referenced task was not found.")
	}
	return t, nil
}
