package reference

import (
	"net/url"
	"slices"
	"time"
)

// Target states as ELBv2 spells them.
const (
	targetHealthy  = "healthy"
	targetDraining = "draining"
	targetUnused   = "unused"
)

// firstDynamicPort is where the ECS agent starts handing out host ports for container ports
// mapped to host port 0 (the Linux ephemeral range).
const firstDynamicPort = 32768

// target is one registered target: an EC2 instance ID and a port.
//
// Simplification: there is no load balancer and no health check, so a registered target is
// healthy at once; a deregistered one drains for the group's deregistration delay, measured
// on the injected clock, and is gone at the first call after that.
type target struct {
	id            string
	port          int32
	state         string
	drainingSince time.Time
}

// taskTarget records that a task's container is registered in a target group.
type taskTarget struct {
	group *targetGroup
	id    string
	port  int32
}

// registerTargets registers targets, on the group's port unless one is given; a draining
// target registered again is healthy again.
func (s *Server) registerTargets(form url.Values) (any, error) {
	g, targets, err := s.targetsOfRequest(form)
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		g.register(t.id, t.port)
	}
	return emptyAnswer{}, nil
}

// deregisterTargets starts draining targets; one that is not registered fails the call.
func (s *Server) deregisterTargets(form url.Values) (any, error) {
	g, targets, err := s.targetsOfRequest(form)
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		if g.find(t.id, t.port) == nil {
			return nil, clientFault("InvalidTarget", "The following targets are not "+
				"registered in target group %s: %s:%d", g.arn, t.id, t.port)
		}
	}
	for _, t := range targets {
		s.drain(g, t.id, t.port)
	}
	return emptyAnswer{}, nil
}

// describeTargetHealth answers the state of the group's targets, or of the ones named: a
// named target that is not registered is unused.
func (s *Server) describeTargetHealth(form url.Values) (any, error) {
	g, err := s.requiredTargetGroup(form)
	if err != nil {
		return nil, err
	}
	s.purge(g)

	answer := targetHealthAnswer{Descriptions: []wireTargetHealth{}}
	named := queryList(form, "Targets.member")
	if len(named) == 0 {
		for _, t := range g.targets {
			answer.Descriptions = append(answer.Descriptions, renderTargetHealth(t))
		}
		return answer, nil
	}
	_, targets, err := s.targetsOfRequest(form)
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		found := g.find(t.id, t.port)
		if found == nil {
			found = &target{id: t.id, port: t.port, state: targetUnused}
		}
		described := renderTargetHealth(found)
		if found.state == targetUnused {
			described.Reason = "Target.NotRegistered"
			described.Description = "Target is not registered to the target group"
		}
		answer.Descriptions = append(answer.Descriptions, described)
	}
	return answer, nil
}

// targetsOfRequest reads TargetGroupArn and Targets.member.N of a request.
func (s *Server) targetsOfRequest(form url.Values) (*targetGroup, []taskTarget, error) {
	g, err := s.requiredTargetGroup(form)
	if err != nil {
		return nil, nil, err
	}
	var targets []taskTarget
	for _, member := range queryList(form, "Targets.member") {
		port, err := queryInt(member, "Port", int(g.port))
		if err != nil {
			return nil, nil, err
		}
		if member.Get("Id") == "" || port < minPort || port > maxPort {
			return nil, nil, clientFault("InvalidTarget", "Each target needs an Id and a "+
				"port from 1 to 65535.")
		}
		targets = append(targets, taskTarget{group: g, id: member.Get("Id"), port: int32(port)})
	}
	if len(targets) == 0 {
		return nil, nil, validationError("Targets must name at least one target.")
	}
	return g, targets, nil
}

func (g *targetGroup) find(id string, port int32) *target {
	for _, t := range g.targets {
		if t.id == id && t.port == port {
			return t
		}
	}
	return nil
}

func (g *targetGroup) register(id string, port int32) {
	if t := g.find(id, port); t != nil {
		t.state, t.drainingSince = targetHealthy, time.Time{}
		return
	}
	g.targets = append(g.targets, &target{id: id, port: port, state: targetHealthy})
}

// drain starts the deregistration delay of a target.
func (s *Server) drain(g *targetGroup, id string, port int32) {
	t := g.find(id, port)
	switch {
	case t == nil || t.state == targetDraining:
	case s.has(DefectTargetsRemovedAtOnce):
		g.targets = slices.DeleteFunc(g.targets, func(o *target) bool { return o == t }) // Defect.
	default:
		t.state, t.drainingSince = targetDraining, s.now()
	}
}

// purge forgets the targets whose deregistration delay is over.
func (s *Server) purge(g *targetGroup) {
	now := s.now()
	g.targets = slices.DeleteFunc(g.targets, func(t *target) bool {
		return t.state == targetDraining && !now.Before(t.drainingSince.Add(g.deregistrationDelay))
	})
}

// registerTaskTargets registers a service task's containers in the service's target groups,
// as ECS does once the task is RUNNING: the target is the task's EC2 instance on the host
// port its container port is mapped to.
func (s *Server) registerTaskTargets(t *task) {
	if t.service == nil || (!t.initial && s.has(DefectReplacementTargetMissing)) {
		return // Defect: only the tasks placed at the service's creation get targets.
	}
	for _, lb := range t.service.loadBalancers {
		g := s.targetGroupByARN(lb.TargetGroupArn)
		if g == nil {
			continue // deleted since; ECS would report it in the service's events
		}
		port := s.hostPortOf(t, lb.ContainerName, *lb.ContainerPort)
		g.register(t.instance.ec2InstanceID, port)
		t.targets = append(t.targets, taskTarget{group: g, id: t.instance.ec2InstanceID,
			port: port})
	}
}

// deregisterTaskTargets starts draining a task's targets.
func (s *Server) deregisterTaskTargets(t *task) {
	for _, tt := range t.targets {
		s.drain(tt.group, tt.id, tt.port)
	}
	t.targets = nil
}

// hostPortOf is the host port of a task's container port: the fixed one of its mapping, or
// for a dynamic mapping one the agent would pick, unique per task on its instance.
func (s *Server) hostPortOf(t *task, containerName string, containerPort int32) int32 {
	m := t.definition.portMapping(containerName, containerPort)
	if m != nil && m.HostPort != nil && *m.HostPort != 0 {
		return *m.HostPort
	}
	return firstDynamicPort + int32(slices.Index(t.instance.tasks, t))
}

// portMapping finds the mapping of a container port of a named container, or nil.
func (d *taskDefinition) portMapping(containerName string, containerPort int32) *portMapping {
	for _, c := range d.containers {
		if c.Name != containerName {
			continue
		}
		for k := range c.PortMappings {
			m := &c.PortMappings[k]
			if m.ContainerPort != nil && *m.ContainerPort == containerPort {
				return m
			}
		}
	}
	return nil
}
