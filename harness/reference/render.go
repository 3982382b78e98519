package reference

import "strconv"

// wireCluster is the JSON of a Cluster.
type wireCluster struct {
	ClusterArn                        string           `json:"clusterArn"`
	ClusterName                       string           `json:"clusterName"`
	Status                            string           `json:"status"`
	RegisteredContainerInstancesCount int32            `json:"registeredContainerInstancesCount"`
	RunningTasksCount                 int32            `json:"runningTasksCount"`
	PendingTasksCount                 int32            `json:"pendingTasksCount"`
	ActiveServicesCount               int32            `json:"activeServicesCount"`
	Statistics                        []keyValuePair   `json:"statistics"`
	Tags                              []tag            `json:"tags"`
	Settings                          []clusterSetting `json:"settings"`
	CapacityProviders                 []string         `json:"capacityProviders"`
	DefaultCapacityProviderStrategy   []struct{}       `json:"defaultCapacityProviderStrategy"`
}

// renderCluster derives the counters: registered instances are the ACTIVE and DRAINING
// ones; task counts skip orphaned tasks, which ECS no longer accounts for.
//
// Shortcoming: deriving them walks every instance and task of the cluster, so describing a
// cluster of 100 000 instances costs milliseconds. Deregistration never renders the cluster;
// counters kept up to date on every change would be faster and easier to get wrong.
func (s *Server) renderCluster(c *cluster) wireCluster {
	w := wireCluster{
		ClusterArn:                      s.clusterARN(c.name),
		ClusterName:                     c.name,
		Status:                          c.status,
		Statistics:                      []keyValuePair{},
		Tags:                            orEmpty(c.tags),
		Settings:                        orEmpty(c.settings),
		CapacityProviders:               []string{},
		DefaultCapacityProviderStrategy: []struct{}{},
	}
	for _, i := range c.instanceOrder {
		// Defect: INACTIVE instances are counted too.
		if i.registered() || s.has(DefectCountNotDecremented) {
			w.RegisteredContainerInstancesCount++
		}
	}
	for _, svc := range c.serviceOrder {
		if svc.status == statusActive {
			w.ActiveServicesCount++
		}
	}
	for _, t := range c.taskOrder {
		if t.orphaned {
			continue
		}
		switch t.lastStatus {
		case statusRunning:
			w.RunningTasksCount++
		case statusPending:
			w.PendingTasksCount++
		}
	}
	return w
}

// wireContainerInstance is the JSON of a ContainerInstance.
type wireContainerInstance struct {
	ContainerInstanceArn string      `json:"containerInstanceArn"`
	Ec2InstanceID        string      `json:"ec2InstanceId"`
	Version              int64       `json:"version"`
	VersionInfo          versionInfo `json:"versionInfo"`
	RemainingResources   []resource  `json:"remainingResources"`
	RegisteredResources  []resource  `json:"registeredResources"`
	Status               string      `json:"status"`
	AgentConnected       bool        `json:"agentConnected"`
	RunningTasksCount    int32       `json:"runningTasksCount"`
	PendingTasksCount    int32       `json:"pendingTasksCount"`
	Attributes           []attribute `json:"attributes"`
	RegisteredAt         float64     `json:"registeredAt"`
	Attachments          []struct{}  `json:"attachments"`
	Tags                 []tag       `json:"tags"`
}

// renderInstance derives the task counters from the instance's own tasks. A deregistered
// instance keeps counting its orphaned tasks, which go on running on it.
func (s *Server) renderInstance(clusterName string, i *instance) wireContainerInstance {
	w := wireContainerInstance{
		ContainerInstanceArn: s.instanceARN(clusterName, i.id),
		Ec2InstanceID:        i.ec2InstanceID,
		Version:              i.version,
		VersionInfo:          i.versionInfo,
		RemainingResources:   i.remainingResources(),
		RegisteredResources:  i.resources,
		Status:               i.status,
		// ECS keeps showing the agent connected after deregistration, as in the reference
		// page's sample answer; it is disconnected only by what disconnects a real agent.
		AgentConnected: !i.agentDisconnected,
		Attributes:     orEmpty(i.attributes),
		RegisteredAt:   epochSeconds(i.registeredAt),
		Attachments:    []struct{}{},
		Tags:           orEmpty(i.tags),
	}
	for _, t := range i.workload() {
		if t.lastStatus == statusRunning {
			w.RunningTasksCount++
		} else {
			w.PendingTasksCount++
		}
	}
	return w
}

// wireTask is the JSON of a Task.
type wireTask struct {
	TaskArn              string          `json:"taskArn"`
	ClusterArn           string          `json:"clusterArn"`
	ContainerInstanceArn string          `json:"containerInstanceArn"`
	TaskDefinitionArn    string          `json:"taskDefinitionArn"`
	AvailabilityZone     string          `json:"availabilityZone,omitempty"`
	LastStatus           string          `json:"lastStatus"`
	DesiredStatus        string          `json:"desiredStatus"`
	LaunchType           string          `json:"launchType"`
	Version              int64           `json:"version"`
	CPU                  string          `json:"cpu"`
	Memory               string          `json:"memory"`
	Group                string          `json:"group"`
	StartedBy            string          `json:"startedBy,omitempty"`
	CreatedAt            float64         `json:"createdAt"`
	StartedAt            *float64        `json:"startedAt,omitempty"`
	StoppingAt           *float64        `json:"stoppingAt,omitempty"`
	StoppedAt            *float64        `json:"stoppedAt,omitempty"`
	ExecutionStoppedAt   *float64        `json:"executionStoppedAt,omitempty"`
	StopCode             string          `json:"stopCode,omitempty"`
	StoppedReason        string          `json:"stoppedReason,omitempty"`
	Containers           []wireContainer `json:"containers"`
	Overrides            taskOverride    `json:"overrides"`
	Attachments          []struct{}      `json:"attachments"`
	Tags                 []tag           `json:"tags"`
}

// wireContainer is the JSON of a task's Container.
type wireContainer struct {
	ContainerArn string `json:"containerArn"`
	TaskArn      string `json:"taskArn"`
	Name         string `json:"name"`
	Image        string `json:"image"`
	LastStatus   string `json:"lastStatus"`
	CPU          string `json:"cpu"`
	Memory       string `json:"memory,omitempty"`
}

// renderTask renders a task. This endpoint stops a task in one step, so stoppingAt,
// stoppedAt and executionStoppedAt are the same instant.
func (s *Server) renderTask(t *task) wireTask {
	taskARN := s.taskARN(t.clusterName, t.id)
	w := wireTask{
		TaskArn:              taskARN,
		ClusterArn:           s.clusterARN(t.clusterName),
		ContainerInstanceArn: s.instanceARN(t.clusterName, t.instance.id),
		TaskDefinitionArn:    s.taskDefinitionARN(t.definition),
		AvailabilityZone:     t.instance.availabilityZone,
		LastStatus:           t.lastStatus,
		DesiredStatus:        t.desiredStatus,
		LaunchType:           launchTypeEC2,
		Version:              t.version,
		CPU:                  strconv.Itoa(int(t.definition.need.cpu)),
		Memory:               strconv.Itoa(int(t.definition.need.memory)),
		Group:                t.group,
		StartedBy:            t.startedBy,
		CreatedAt:            epochSeconds(t.createdAt),
		StartedAt:            optionalEpoch(t.startedAt),
		StoppingAt:           optionalEpoch(t.stoppedAt),
		StoppedAt:            optionalEpoch(t.stoppedAt),
		ExecutionStoppedAt:   optionalEpoch(t.stoppedAt),
		StopCode:             t.stopCode,
		StoppedReason:        t.stoppedReason,
		Containers:           make([]wireContainer, 0, len(t.containers)),
		Overrides:            t.overrides,
		Attachments:          []struct{}{},
		Tags:                 orEmpty(t.tags),
	}
	for _, c := range t.containers {
		wc := wireContainer{
			ContainerArn: c.arn,
			TaskArn:      taskARN,
			Name:         c.name,
			Image:        c.image,
			LastStatus:   c.lastStatus,
			CPU:          strconv.Itoa(int(c.cpu)),
		}
		if c.memory != nil {
			wc.Memory = strconv.Itoa(int(*c.memory))
		}
		w.Containers = append(w.Containers, wc)
	}
	return w
}

// wireTaskDefinition is the JSON of a TaskDefinition.
type wireTaskDefinition struct {
	TaskDefinitionArn       string                `json:"taskDefinitionArn"`
	Family                  string                `json:"family"`
	Revision                int32                 `json:"revision"`
	Status                  string                `json:"status"`
	ContainerDefinitions    []containerDefinition `json:"containerDefinitions"`
	CPU                     string                `json:"cpu,omitempty"`
	Memory                  string                `json:"memory,omitempty"`
	NetworkMode             string                `json:"networkMode"`
	Compatibilities         []string              `json:"compatibilities"`
	RequiresCompatibilities []string              `json:"requiresCompatibilities,omitempty"`
	RegisteredAt            float64               `json:"registeredAt"`
	DeregisteredAt          *float64              `json:"deregisteredAt,omitempty"`
	Volumes                 []struct{}            `json:"volumes"`
	PlacementConstraints    []struct{}            `json:"placementConstraints"`
	RequiresAttributes      []struct{}            `json:"requiresAttributes"`
}

// renderTaskDefinition renders a revision. Only EC2 is implemented, so that is the one
// compatibility ECS would compute for the definitions this endpoint accepts.
func (s *Server) renderTaskDefinition(d *taskDefinition) wireTaskDefinition {
	return wireTaskDefinition{
		TaskDefinitionArn:       s.taskDefinitionARN(d),
		Family:                  d.family,
		Revision:                d.revision,
		Status:                  d.status,
		ContainerDefinitions:    d.containers,
		CPU:                     d.cpu,
		Memory:                  d.memory,
		NetworkMode:             d.networkMode,
		Compatibilities:         []string{launchTypeEC2},
		RequiresCompatibilities: d.requiresCompatibilities,
		RegisteredAt:            epochSeconds(d.registeredAt),
		DeregisteredAt:          optionalEpoch(d.deregisteredAt),
		Volumes:                 []struct{}{},
		PlacementConstraints:    []struct{}{},
		RequiresAttributes:      []struct{}{},
	}
}
