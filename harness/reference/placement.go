package reference

import (
	"cmp"

	"github.com/google/uuid"
)

// Limits ECS puts on task placement requests.
const (
	maxStartTaskInstances = 10
	maxRunTaskCount       = 10
)

// tasksAnswer is the output of StartTask, RunTask and DescribeTasks.
type tasksAnswer struct {
	Tasks    []wireTask `json:"tasks"`
	Failures []failure  `json:"failures"`
}

func newTasksAnswer() tasksAnswer {
	return tasksAnswer{Tasks: []wireTask{}, Failures: []failure{}}
}

// taskOptions are the members of RunTask and StartTask that end up on the task as given.
// The requests repeat them rather than embed this struct, because encoding/json would name
// a mistyped member "taskOptions.group" in its error instead of "group".
type taskOptions struct {
	startedBy string
	group     string
	overrides *taskOverride
	tags      []tag
}

type startTaskRequest struct {
	Cluster            string        `json:"cluster"`
	ContainerInstances []string      `json:"containerInstances"`
	TaskDefinition     string        `json:"taskDefinition"`
	StartedBy          string        `json:"startedBy"`
	Group              string        `json:"group"`
	Overrides          *taskOverride `json:"overrides"`
	Tags               []tag         `json:"tags"`
}

// startTask places one task on each named instance, in order, or says per instance why not.
// It answers 200 even when every instance failed.
func (s *Server) startTask(req *startTaskRequest) (any, error) {
	err := checkListSize("containerInstances", len(req.ContainerInstances),
		maxStartTaskInstances)
	if err != nil {
		return nil, err
	}
	if err := checkRequired("taskDefinition", req.TaskDefinition); err != nil {
		return nil, err
	}
	c, d, err := s.clusterAndDefinition(req.Cluster, req.TaskDefinition)
	if err != nil {
		return nil, err
	}
	ids, err := s.memberIDs(c, kindContainerInstance, req.ContainerInstances)
	if err != nil {
		return nil, err
	}

	opts := taskOptions{req.StartedBy, req.Group, req.Overrides, req.Tags}
	answer := newTasksAnswer()
	for _, id := range ids {
		i := s.visibleInstance(c, id)
		reason := ""
		switch {
		case i == nil:
			reason = "MISSING"
		case i.status == statusInactive && s.has(DefectStartTaskOnInactive): // Defect.
		case i.status != statusActive:
			reason = i.status // INACTIVE or DRAINING, as ECS reports them
		default:
			if lacking := i.shortfall(d.need); lacking != "" {
				reason = "RESOURCE:" + lacking
			}
		}

		if reason != "" {
			answer.Failures = append(answer.Failures,
				failure{Arn: s.instanceARN(c.name, id), Reason: reason})
			continue
		}
		answer.Tasks = append(answer.Tasks, s.renderTask(s.placeTask(c, i, d, opts)))
	}
	return answer, nil
}

type runTaskRequest struct {
	Cluster        string        `json:"cluster"`
	TaskDefinition string        `json:"taskDefinition"`
	Count          *int32        `json:"count"`
	LaunchType     string        `json:"launchType"`
	StartedBy      string        `json:"startedBy"`
	Group          string        `json:"group"`
	Overrides      *taskOverride `json:"overrides"`
	Tags           []tag         `json:"tags"`
}

// runTask places count tasks, each on the ACTIVE instance with room that runs the fewest
// tasks (ties go to the earliest registered).
//
// Shortcoming: placementStrategy and placementConstraints are accepted and ignored, and
// only the EC2 launch type is implemented.
func (s *Server) runTask(req *runTaskRequest) (any, error) {
	if err := checkRequired("taskDefinition", req.TaskDefinition); err != nil {
		return nil, err
	}
	if err := checkRange("count", req.Count, 1, maxRunTaskCount); err != nil {
		return nil, err
	}
	if err := checkLaunchType(req.LaunchType); err != nil {
		return nil, err
	}
	c, d, err := s.clusterAndDefinition(req.Cluster, req.TaskDefinition)
	if err != nil {
		return nil, err
	}

	var candidates []*instance
	for _, i := range c.instanceOrder {
		if i.status == statusActive || s.has(DefectRunTaskOnInactive) { // Defect.
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		return nil, invalidParameter("No Container Instances were found in your cluster.")
	}

	opts := taskOptions{req.StartedBy, req.Group, req.Overrides, req.Tags}
	answer := newTasksAnswer()
	count := 1
	if req.Count != nil {
		count = int(*req.Count)
	}
	for range count {
		i := leastBusyWithRoom(candidates, d.need)
		if i == nil {
			// Room only shrinks during one call, so every later task would fail the same
			// way: report each instance once and stop.
			for _, i := range candidates {
				answer.Failures = append(answer.Failures, failure{
					Arn:    s.instanceARN(c.name, i.id),
					Reason: "RESOURCE:" + i.shortfall(d.need),
				})
			}
			break
		}
		answer.Tasks = append(answer.Tasks, s.renderTask(s.placeTask(c, i, d, opts)))
	}
	return answer, nil
}

// leastBusyWithRoom picks among candidates, in registration order, the one with room for
// need that holds the fewest PENDING and RUNNING tasks; nil when none has room.
func leastBusyWithRoom(candidates []*instance, need resourceNeed) *instance {
	var best *instance
	for _, i := range candidates {
		if i.shortfall(need) != "" {
			continue
		}
		if best == nil || len(i.workload()) < len(best.workload()) {
			best = i
		}
	}
	return best
}

// placeTask creates a PENDING task on instance i. Nothing runs it: like a real instance
// whose agent is not running, it stays PENDING until SubmitTaskStateChange reports it.
func (s *Server) placeTask(c *cluster, i *instance, d *taskDefinition, opts taskOptions) *task {
	t := &task{
		id:            newID(),
		clusterName:   c.name,
		instance:      i,
		definition:    d,
		lastStatus:    statusPending,
		desiredStatus: statusRunning,
		version:       1,
		createdAt:     s.now(),
		group:         cmp.Or(opts.group, "family:"+d.family),
		startedBy:     opts.startedBy,
		overrides:     taskOverride{ContainerOverrides: []containerOverride{}},
		tags:          opts.tags,
	}
	if opts.overrides != nil {
		t.overrides = *opts.overrides
		t.overrides.ContainerOverrides = orEmpty(t.overrides.ContainerOverrides)
	}
	for _, cd := range d.containers {
		t.containers = append(t.containers, container{
			arn:        s.arn("container/" + c.name + "/" + t.id + "/" + uuid.NewString()),
			name:       cd.Name,
			image:      cd.Image,
			lastStatus: statusPending,
			cpu:        cd.CPU,
			memory:     cd.Memory,
		})
	}

	c.addTask(t)
	i.tasks = append(i.tasks, t)
	i.touch()
	return t
}

// checkLaunchType refuses every launch type but EC2, the only one this endpoint runs.
func checkLaunchType(launchType string) error {
	if launchType != "" && launchType != launchTypeEC2 {
		return invalidParameter("launchType %s is not supported by this endpoint; only EC2 is.",
			launchType)
	}
	return nil
}

// clusterAndDefinition resolves what every call that places tasks names: an existing
// cluster and a task definition that can still be used.
func (s *Server) clusterAndDefinition(clusterIdent, definition string) (*cluster,
	*taskDefinition, error) {
	c, err := s.activeCluster(clusterIdent)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.usableTaskDefinition(definition)
	if err != nil {
		return nil, nil, err
	}
	return c, d, nil
}
