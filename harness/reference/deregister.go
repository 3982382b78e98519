package reference

import (
	"errors"
	"slices"
	"strings"
)

type deregisterContainerInstanceRequest struct {
	Cluster           string `json:"cluster"`
	ContainerInstance string `json:"containerInstance"`
	Force             *bool  `json:"force"`
}

// deregisterContainerInstance is the operation the conformance suite is about. The
// instance turns INACTIVE at once: it is no longer listed nor counted, it can take no new
// task, and it stays describable for an hour.
//
// Without force, an instance with PENDING or RUNNING tasks is refused and nothing changes.
// With force, those tasks are orphaned: they keep running (desiredStatus stays RUNNING)
// but the cluster no longer accounts for them.
//
// The defects of the mutation self-check that concern this operation alone are here too,
// each behind s.has and marked "Defect:"; the clean reference takes none of those branches.
func (s *Server) deregisterContainerInstance(
	req *deregisterContainerInstanceRequest) (any, error) {
	if err := checkRequired("containerInstance", req.ContainerInstance); err != nil {
		if s.has(DefectMissingInstance500) {
			return nil, serverError() // Defect: a nil dereference, in effect.
		}
		return nil, err
	}
	if req.Cluster == "" && s.has(DefectDefaultCreated) {
		if c := s.clusters[defaultCluster]; c == nil || c.status != statusActive {
			s.clusters[defaultCluster] = newCluster(defaultCluster, nil, nil) // Defect.
		}
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		if s.has(DefectUnknownClusterCode) {
			return nil, clientError("Cluster not found.") // Defect: the wrong code.
		}
		return nil, err
	}
	c, i, err := s.instanceToDeregister(c, req.ContainerInstance)
	if err != nil {
		return nil, err
	}

	// Deregistering twice is harmless: the answer is the instance as it already is.
	if i.status == statusInactive {
		if s.has(DefectDeregisterTwice500) {
			return nil, serverError() // Defect.
		}
		return s.deregistered(c, i), nil
	}
	if i.status == statusDraining && s.has(DefectDrainingRefused) {
		return nil, invalidParameter("The container instance is draining.") // Defect.
	}

	workload := i.workload()
	if s.has(DefectPendingUnchecked) {
		workload = slices.DeleteFunc(workload, func(t *task) bool { // Defect.
			return t.lastStatus == statusPending
		})
	}
	force := req.Force != nil && *req.Force && !s.has(DefectForceIgnored)
	if len(workload) > 0 && !force && !s.has(DefectTasksUnchecked) {
		// The exact AWS code and message are unconfirmed; the conformance suite accepts
		// InvalidParameterException or ClientException here.
		return nil, invalidParameter("The container instance has tasks that are pending " +
			"or running; use force to deregister it.")
	}

	s.removeFromCluster(c, i, workload)
	if e := s.ec2Instances[i.ec2InstanceID]; e != nil && s.has(DefectDeregisterTerminatesEC2) {
		e.state, e.terminatedAt = ec2Terminated, s.now() // Defect.
	}
	return s.deregistered(c, i), nil
}

// removeFromCluster makes instance i of cluster c INACTIVE and orphans the tasks of its
// workload: they keep running, but the cluster no longer accounts for them. The service
// scheduler then replaces the orphaned service tasks and deregisters their load balancer
// targets. Forced deregistration and the termination of the instance's EC2 instance both
// come here.
func (s *Server) removeFromCluster(c *cluster, i *instance, workload []*task) {
	var orphans []*task
	for _, t := range workload {
		if s.has(DefectForceStopsTasks) {
			s.stop(t, "UserInitiated", "Container instance deregistered") // Defect.
			continue
		}
		t.orphaned = true
		orphans = append(orphans, t)
	}
	i.status = statusInactive
	i.deregisteredAt = s.now()
	i.version++

	s.orphaned(orphans)
	s.schedule(c)
}

// instanceToDeregister finds the instance a deregistration names in cluster c.
func (s *Server) instanceToDeregister(c *cluster, ident string) (*cluster, *instance, error) {
	if s.has(DefectClusterIgnored) {
		// Defect: the instance is looked up by its ID in every cluster.
		id := ident[strings.LastIndex(ident, "/")+1:]
		for _, other := range s.clusters {
			if i := s.visibleInstance(other, id); i != nil {
				return other, i, nil
			}
		}
	}

	i, err := s.findInstance(c, ident)
	if errors.Is(err, errInstanceNotFound) && s.has(DefectUnknownInstance500) {
		return nil, nil, serverError() // Defect: a nil dereference, in effect.
	}
	return c, i, err
}

// deregistered renders the answer about instance i of cluster c, after the change.
func (s *Server) deregistered(c *cluster, i *instance) any {
	answer := containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}

	switch {
	case s.has(DefectStaysActive):
		i.status, i.version = statusActive, i.version-1 // Defect: the change is not saved.
	case s.has(DefectAnswersActive):
		answer.ContainerInstance.Status = statusActive // Defect.
	case s.has(DefectDeletedOutright):
		delete(c.instances, i.id) // Defect.
		c.instanceOrder = slices.DeleteFunc(c.instanceOrder, func(o *instance) bool {
			return o == i
		})
	case s.has(DefectTouchesNeighbours):
		for _, other := range s.clusters { // Defect: every instance is saved again.
			for _, o := range other.instanceOrder {
				o.touch()
			}
		}
	case s.has(DefectAnswerMissingMembers), s.has(DefectAnswerWrongTypes),
		s.has(DefectAnswerUnknownMember):
		return s.reshape(answer)
	}
	return answer
}
