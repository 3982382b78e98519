package reference

import (
	"cmp"
	"strings"
)

// kindService is the resource type of service ARNs.
const kindService = "service"

func (s *Server) serviceARN(clusterName, name string) string {
	return s.arn(kindService + "/" + clusterName + "/" + name)
}

// lastSegment returns what follows the last slash of an identifier: a bare name or ID.
func lastSegment(ident string) string {
	return ident[strings.LastIndex(ident, "/")+1:]
}

// wireService is the JSON of a Service.
type wireService struct {
	ServiceArn              string                 `json:"serviceArn"`
	ServiceName             string                 `json:"serviceName"`
	ClusterArn              string                 `json:"clusterArn"`
	Status                  string                 `json:"status"`
	DesiredCount            int32                  `json:"desiredCount"`
	RunningCount            int32                  `json:"runningCount"`
	PendingCount            int32                  `json:"pendingCount"`
	LaunchType              string                 `json:"launchType"`
	TaskDefinition          string                 `json:"taskDefinition"`
	LoadBalancers           []serviceLoadBalancer  `json:"loadBalancers"`
	Deployments             []wireDeployment       `json:"deployments"`
	Events                  []wireServiceEvent     `json:"events"`
	CreatedAt               float64                `json:"createdAt"`
	SchedulingStrategy      string                 `json:"schedulingStrategy"`
	DeploymentConfiguration wireDeploymentSettings `json:"deploymentConfiguration"`
	PlacementConstraints    []struct{}             `json:"placementConstraints"`
	PlacementStrategy       []struct{}             `json:"placementStrategy"`
	ServiceRegistries       []struct{}             `json:"serviceRegistries"`
	PropagateTags           string                 `json:"propagateTags"`
	Tags                    []tag                  `json:"tags"`
	EnableECSManagedTags    bool                   `json:"enableECSManagedTags"`
	EnableExecuteCommand    bool                   `json:"enableExecuteCommand"`
	HealthCheckGracePeriod  *int32                 `json:"healthCheckGracePeriodSeconds,omitempty"`
	DeploymentController    map[string]string      `json:"deploymentController"`
	CapacityProviders       []struct{}             `json:"capacityProviderStrategy"`
}

// wireDeployment is the JSON of a service's Deployment. A service here has one, PRIMARY.
type wireDeployment struct {
	ID             string  `json:"id"`
	Status         string  `json:"status"`
	TaskDefinition string  `json:"taskDefinition"`
	DesiredCount   int32   `json:"desiredCount"`
	PendingCount   int32   `json:"pendingCount"`
	RunningCount   int32   `json:"runningCount"`
	FailedTasks    int32   `json:"failedTasks"`
	CreatedAt      float64 `json:"createdAt"`
	UpdatedAt      float64 `json:"updatedAt"`
	LaunchType     string  `json:"launchType"`
	RolloutState   string  `json:"rolloutState"`
}

type wireServiceEvent struct {
	ID        string  `json:"id"`
	CreatedAt float64 `json:"createdAt"`
	Message   string  `json:"message"`
}

type wireDeploymentSettings struct {
	MaximumPercent        int32 `json:"maximumPercent"`
	MinimumHealthyPercent int32 `json:"minimumHealthyPercent"`
}

// renderService derives the counts from the service's tasks the cluster accounts for:
// orphaned tasks are not counted, which is why the scheduler replaces them. status, when
// set, overrides the stored status in the answer.
func (s *Server) renderService(svc *service, status string) wireService {
	var running, pending int32
	for _, t := range s.liveTasks(svc) {
		if t.lastStatus == statusRunning {
			running++
		} else {
			pending++
		}
	}
	definitionARN := s.taskDefinitionARN(svc.definition)
	w := wireService{
		ServiceArn:     s.serviceARN(svc.clusterName, svc.name),
		ServiceName:    svc.name,
		ClusterArn:     s.clusterARN(svc.clusterName),
		Status:         cmp.Or(status, svc.status),
		DesiredCount:   svc.desiredCount,
		RunningCount:   running,
		PendingCount:   pending,
		LaunchType:     launchTypeEC2,
		TaskDefinition: definitionARN,
		LoadBalancers:  svc.loadBalancers,
		Deployments: []wireDeployment{{
			ID: svc.deploymentID, Status: "PRIMARY", TaskDefinition: definitionARN,
			DesiredCount: svc.desiredCount, PendingCount: pending, RunningCount: running,
			CreatedAt: epochSeconds(svc.createdAt), UpdatedAt: epochSeconds(svc.updatedAt),
			LaunchType: launchTypeEC2, RolloutState: rolloutState(svc, running),
		}},
		Events:                  make([]wireServiceEvent, 0, len(svc.events)),
		CreatedAt:               epochSeconds(svc.createdAt),
		SchedulingStrategy:      serviceSchedulingReplica,
		DeploymentConfiguration: wireDeploymentSettings{200, 100},
		PlacementConstraints:    []struct{}{},
		PlacementStrategy:       []struct{}{},
		ServiceRegistries:       []struct{}{},
		PropagateTags:           "NONE",
		Tags:                    svc.tags,
		DeploymentController:    map[string]string{"type": "ECS"},
		CapacityProviders:       []struct{}{},
	}
	if len(svc.loadBalancers) > 0 {
		grace := int32(0)
		w.HealthCheckGracePeriod = &grace
	}
	for _, e := range svc.events {
		w.Events = append(w.Events, wireServiceEvent{ID: e.id,
			CreatedAt: epochSeconds(e.createdAt), Message: e.message})
	}
	return w
}

// rolloutState is COMPLETED once every desired task runs, IN_PROGRESS before.
func rolloutState(svc *service, running int32) string {
	if running >= svc.desiredCount {
		return "COMPLETED"
	}
	return "IN_PROGRESS"
}
