package reference

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Status values as ECS spells them. Clusters and container instances are ACTIVE, DRAINING
// (instances only) or INACTIVE; tasks are PENDING, RUNNING or STOPPED.
const (
	statusActive   = "ACTIVE"
	statusDraining = "DRAINING"
	statusInactive = "INACTIVE"
	statusPending  = "PENDING"
	statusRunning  = "RUNNING"
	statusStopped  = "STOPPED"
)

// defaultCluster is assumed when a request omits `cluster`. It exists only once CreateCluster
// made it: on AWS it is the ECS agent, not the API, that creates it.
const defaultCluster = "default"

// inactiveVisibility is how long a deregistered container instance stays describable.
const inactiveVisibility = time.Hour

// cluster is one ECS cluster. A deleted cluster stays in the map as INACTIVE, so that
// DescribeClusters still finds it, until CreateCluster replaces it with a fresh one.
type cluster struct {
	name     string
	status   string
	tags     []tag
	settings []clusterSetting

	instances     map[string]*instance // by ID
	instanceOrder []*instance          // registration order, which listings follow
	// byEC2 holds every instance ever registered for an EC2 instance ID, so that a
	// registration finds a live one without scanning the cluster: registering stays cheap in
	// a cluster of 100 000 instances.
	byEC2        map[string][]*instance
	tasks        map[string]*task    // by ID
	taskOrder    []*task             // creation order, which listings follow
	services     map[string]*service // by name; a deleted one until a new one takes its name
	serviceOrder []*service          // creation order, which listings follow
}

func newCluster(name string, tags []tag, settings []clusterSetting) *cluster {
	return &cluster{
		name:      name,
		status:    statusActive,
		tags:      tags,
		settings:  settings,
		instances: map[string]*instance{},
		byEC2:     map[string][]*instance{},
		tasks:     map[string]*task{},
		services:  map[string]*service{},
	}
}

func (c *cluster) addInstance(i *instance) {
	c.instances[i.id] = i
	c.instanceOrder = append(c.instanceOrder, i)
	c.byEC2[i.ec2InstanceID] = append(c.byEC2[i.ec2InstanceID], i)
}

// liveInstanceOf returns the registered (ACTIVE or DRAINING) instance of an EC2 instance, or
// nil. The list it scans holds the instances of one EC2 instance, rarely more than a few.
func (c *cluster) liveInstanceOf(ec2InstanceID string) *instance {
	for _, i := range c.byEC2[ec2InstanceID] {
		if i.registered() {
			return i
		}
	}
	return nil
}

func (c *cluster) addTask(t *task) {
	c.tasks[t.id] = t
	c.taskOrder = append(c.taskOrder, t)
}

// instance is one container instance. Counters are not stored: they are derived from its
// tasks whenever it is rendered.
type instance struct {
	id               string
	ec2InstanceID    string
	availabilityZone string
	status           string
	version          int64
	registeredAt     time.Time
	deregisteredAt   time.Time // zero until deregistered
	resources        []resource
	attributes       []attribute
	versionInfo      versionInfo
	tags             []tag
	tasks            []*task // every task ever placed here, stopped ones included
	// agentDisconnected is set while the instance's agent is away: its EC2 instance is
	// stopped, or the reference's agent control disconnected it (see control.go).
	agentDisconnected bool
}

// registered reports whether the instance counts as registered in its cluster.
func (i *instance) registered() bool {
	return i.status == statusActive || i.status == statusDraining
}

// workload returns the tasks that still hold resources on the instance.
func (i *instance) workload() []*task {
	var busy []*task
	for _, t := range i.tasks {
		if t.holdsResources() {
			busy = append(busy, t)
		}
	}
	return busy
}

// touch records a change of the instance. A deregistered instance is frozen: changes to
// its orphaned tasks no longer reach it.
func (i *instance) touch() {
	if i.status != statusInactive {
		i.version++
	}
}

// task is one task placed on a container instance.
type task struct {
	id            string
	clusterName   string
	instance      *instance
	definition    *taskDefinition
	lastStatus    string
	desiredStatus string
	// orphaned is set when the instance is deregistered with force while the task holds
	// resources: ECS no longer accounts for it, so cluster counters and DeleteCluster skip it.
	orphaned      bool
	version       int64
	createdAt     time.Time
	startedAt     time.Time
	stoppedAt     time.Time
	group         string
	startedBy     string
	stopCode      string
	stoppedReason string
	containers    []container
	overrides     taskOverride
	tags          []tag
	// service is the service whose scheduler placed the task, nil for RunTask and StartTask;
	// initial marks the tasks placed when the service was created.
	service *service
	initial bool
	// targets are the target groups its containers are registered in while it runs.
	targets []taskTarget
}

// holdsResources reports whether the task is PENDING or RUNNING, the states in which it
// uses its instance's CPU, memory and ports.
func (t *task) holdsResources() bool {
	return t.lastStatus == statusPending || t.lastStatus == statusRunning
}

// container is the run-time state of one container of a task.
type container struct {
	arn        string
	name       string
	image      string
	lastStatus string
	cpu        int32
	memory     *int32
}

// taskDefinition is one revision of a task definition family.
type taskDefinition struct {
	family                  string
	revision                int32
	status                  string
	registeredAt            time.Time
	deregisteredAt          time.Time
	networkMode             string
	cpu                     string
	memory                  string
	requiresCompatibilities []string
	containers              []containerDefinition
	tags                    []tag
	need                    resourceNeed
}

// newID returns 32 lowercase hex characters, the form of ECS instance and task IDs.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it crashes the program instead)
	return hex.EncodeToString(b)
}
