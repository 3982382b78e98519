package reference

import (
	"cmp"
	"strings"
	"time"
)

// Limits ECS puts on service requests.
const (
	maxDescribedServices     = 10
	maxServiceLoadBalancers  = 5
	serviceSchedulingReplica = "REPLICA"
)

// service is one ECS service: the scheduler keeps desiredCount of its tasks placed on the
// cluster's ACTIVE instances (see scheduler.go).
type service struct {
	name          string
	clusterName   string
	definition    *taskDefinition
	desiredCount  int32
	status        string // ACTIVE, DRAINING (only in DeleteService's answer) or INACTIVE
	loadBalancers []serviceLoadBalancer
	events        []serviceEvent // newest first, as ECS lists them
	createdAt     time.Time
	updatedAt     time.Time
	deploymentID  string
	tags          []tag
	tasks         []*task // every task the scheduler placed, stopped ones included
}

// serviceLoadBalancer ties a container port of the service's tasks to a target group.
type serviceLoadBalancer struct {
	TargetGroupArn   string `json:"targetGroupArn,omitempty"`
	LoadBalancerName string `json:"loadBalancerName,omitempty"`
	ContainerName    string `json:"containerName"`
	ContainerPort    *int32 `json:"containerPort"`
}

// serviceEvent is one line of a service's event log.
type serviceEvent struct {
	id        string
	createdAt time.Time
	message   string
}

type createServiceRequest struct {
	Cluster            string                `json:"cluster"`
	ServiceName        string                `json:"serviceName"`
	TaskDefinition     string                `json:"taskDefinition"`
	DesiredCount       *int32                `json:"desiredCount"`
	LaunchType         string                `json:"launchType"`
	SchedulingStrategy string                `json:"schedulingStrategy"`
	LoadBalancers      []serviceLoadBalancer `json:"loadBalancers"`
	Tags               []tag                 `json:"tags"`
}

type serviceAnswer struct {
	Service wireService `json:"service"`
}

// createService creates a REPLICA service and places its first tasks at once.
//
// Shortcoming: placement constraints and strategies, deployment settings, network
// configuration and service discovery are accepted and ignored; Classic Load Balancers are
// refused (loadBalancerName), as only ELBv2 target groups are modelled.
func (s *Server) createService(req *createServiceRequest) (any, error) {
	err := checkRequired("serviceName", req.ServiceName, "taskDefinition", req.TaskDefinition)
	if err != nil {
		return nil, err
	}
	if !validName(req.ServiceName) {
		return nil, invalidParameter("Service names must be 1 to 255 letters, numbers, " +
			"hyphens and underscores.")
	}
	if req.DesiredCount == nil {
		return nil, blank("desiredCount")
	}
	if err := checkRange("desiredCount", req.DesiredCount, 0, 10000); err != nil {
		return nil, err
	}
	if cmp.Or(req.SchedulingStrategy, serviceSchedulingReplica) != serviceSchedulingReplica {
		return nil, invalidParameter("Only the REPLICA scheduling strategy is supported by " +
			"this endpoint.")
	}
	if err := checkLaunchType(req.LaunchType); err != nil {
		return nil, err
	}
	c, d, err := s.clusterAndDefinition(req.Cluster, req.TaskDefinition)
	if err != nil {
		return nil, err
	}
	if err := s.checkServiceLoadBalancers(d, req.LoadBalancers); err != nil {
		return nil, err
	}
	if old := c.services[req.ServiceName]; old != nil && old.status == statusActive {
		return nil, invalidParameter("Creation of service was not idempotent.")
	}

	svc := &service{
		name:          req.ServiceName,
		clusterName:   c.name,
		definition:    d,
		desiredCount:  *req.DesiredCount,
		status:        statusActive,
		loadBalancers: orEmpty(req.LoadBalancers),
		createdAt:     s.now(),
		updatedAt:     s.now(),
		deploymentID:  "ecs-svc/" + newNumericID(),
		tags:          orEmpty(req.Tags),
	}
	c.addService(svc)
	s.reconcile(c, svc, true)
	return serviceAnswer{Service: s.renderService(svc, "")}, nil
}

// checkServiceLoadBalancers checks that each load balancer names an existing target group
// and a container port of the task definition.
func (s *Server) checkServiceLoadBalancers(d *taskDefinition, lbs []serviceLoadBalancer) error {
	if len(lbs) > maxServiceLoadBalancers {
		return invalidParameter("loadBalancers can have at most %d items.",
			maxServiceLoadBalancers)
	}
	for _, lb := range lbs {
		switch {
		case lb.LoadBalancerName != "":
			return invalidParameter("Classic Load Balancers are not supported by this " +
				"endpoint; use targetGroupArn.")
		case lb.TargetGroupArn == "":
			return blank("loadBalancers.targetGroupArn")
		case s.targetGroupByARN(lb.TargetGroupArn) == nil:
			return invalidParameter("The target group %s does not exist.", lb.TargetGroupArn)
		case lb.ContainerName == "" || lb.ContainerPort == nil:
			return invalidParameter("loadBalancers need a containerName and a containerPort.")
		case d.portMapping(lb.ContainerName, *lb.ContainerPort) == nil:
			return invalidParameter("The container %s does not have a container port %d in "+
				"the task definition.", lb.ContainerName, *lb.ContainerPort)
		}
	}
	return nil
}

type updateServiceRequest struct {
	Cluster        string `json:"cluster"`
	Service        string `json:"service"`
	DesiredCount   *int32 `json:"desiredCount"`
	TaskDefinition string `json:"taskDefinition"`
}

// updateService changes the desired count or the task definition; the scheduler acts on it
// before the answer.
//
// Shortcoming: a new task definition is used for new tasks only; running tasks are not
// replaced by a rolling deployment.
func (s *Server) updateService(req *updateServiceRequest) (any, error) {
	if err := checkRequired("service", req.Service); err != nil {
		return nil, err
	}
	if err := checkRange("desiredCount", req.DesiredCount, 0, 10000); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	svc, err := s.activeService(c, req.Service)
	if err != nil {
		return nil, err
	}
	if req.TaskDefinition != "" {
		d, err := s.usableTaskDefinition(req.TaskDefinition)
		if err != nil {
			return nil, err
		}
		if err := s.checkServiceLoadBalancers(d, svc.loadBalancers); err != nil {
			return nil, err
		}
		svc.definition = d
	}
	if req.DesiredCount != nil {
		svc.desiredCount = *req.DesiredCount
	}
	svc.updatedAt = s.now()
	s.reconcile(c, svc, false)
	return serviceAnswer{Service: s.renderService(svc, "")}, nil
}

type deleteServiceRequest struct {
	Cluster string `json:"cluster"`
	Service string `json:"service"`
	Force   *bool  `json:"force"`
}

// deleteService stops the service's tasks and retires it. A service still scaled above
// zero needs force. The answer says DRAINING, as ECS's does; with no agent to wait for, the
// tasks are stopped at once and the service is INACTIVE by the next call.
func (s *Server) deleteService(req *deleteServiceRequest) (any, error) {
	if err := checkRequired("service", req.Service); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	svc, err := s.activeService(c, req.Service)
	if err != nil {
		return nil, err
	}
	force := req.Force != nil && *req.Force
	if svc.desiredCount > 0 && !force {
		return nil, invalidParameter("The service cannot be stopped while it is scaled " +
			"above 0.")
	}

	svc.desiredCount = 0
	svc.status = statusInactive
	svc.updatedAt = s.now()
	for _, t := range s.liveTasks(svc) {
		s.stop(t, stopCodeServiceScheduler, "Service deleted")
	}
	return serviceAnswer{Service: s.renderService(svc, statusDraining)}, nil
}

// findService resolves a service name or ARN in cluster c.
func (s *Server) findService(c *cluster, ident string) (*service, error) {
	name := ident
	if strings.HasPrefix(ident, "arn:") {
		segments, ok := s.arnSegments(ident)
		if !ok || len(segments) != 3 || segments[0] != kindService {
			return nil, invalidIdentifier(ident)
		}
		if segments[1] != c.name {
			return nil, invalidParameter("Identifier is for cluster %s. Your cluster is %s",
				segments[1], c.name)
		}
		name = segments[2]
	}
	svc := c.services[name]
	if svc == nil {
		return nil, clientFault(codeServiceNotFound, "Service not found.")
	}
	return svc, nil
}

// activeService finds a service of cluster c that has not been deleted.
func (s *Server) activeService(c *cluster, ident string) (*service, error) {
	svc, err := s.findService(c, ident)
	if err != nil {
		return nil, err
	}
	if svc.status != statusActive {
		return nil, clientFault(codeServiceNotActive, "Service was not ACTIVE.")
	}
	return svc, nil
}
