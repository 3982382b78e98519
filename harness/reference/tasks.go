package reference

// Stop codes ECS records on a stopped task.
const (
	stopCodeUser          = "UserInitiated"
	stopCodeContainerExit = "EssentialContainerExited"
)

// maxDescribedTasks is ECS's limit on DescribeTasks' list.
const maxDescribedTasks = 100

type submitTaskStateChangeRequest struct {
	Cluster string `json:"cluster"`
	Task    string `json:"task"`
	Status  string `json:"status"`
	Reason  string `json:"reason"`
}

type submitTaskStateChangeAnswer struct {
	Acknowledgment string `json:"acknowledgment"`
}

// submitTaskStateChange is the agent's report of a task's progress; the harness calls it to
// play the agent. RUNNING starts a PENDING task, STOPPED stops it as if its essential
// container exited; a report that changes nothing is still acknowledged, as ECS does.
//
// Shortcoming: per-container reports (containers, exit codes) are ignored.
func (s *Server) submitTaskStateChange(req *submitTaskStateChangeRequest) (any, error) {
	if err := checkRequired("task", req.Task); err != nil {
		return nil, err
	}
	err := checkEnum("status", req.Status, statusPending, statusRunning, statusStopped)
	if err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	t, err := s.findTask(c, req.Task)
	if err != nil {
		return nil, err
	}

	switch {
	case req.Status == statusRunning && t.lastStatus == statusPending:
		t.lastStatus = statusRunning
		t.startedAt = s.now()
		for k := range t.containers {
			t.containers[k].lastStatus = statusRunning
		}
		t.version++
		t.instance.touch()
		s.registerTaskTargets(t)
	case req.Status == statusStopped && t.lastStatus != statusStopped:
		reason := req.Reason
		if reason == "" {
			reason = "Essential container in task exited"
		}
		s.stop(t, stopCodeContainerExit, reason)
		s.schedule(c) // a stopped service task is replaced
	}
	return submitTaskStateChangeAnswer{Acknowledgment: "ACK"}, nil
}

type stopTaskRequest struct {
	Cluster string `json:"cluster"`
	Task    string `json:"task"`
	Reason  string `json:"reason"`
}

type taskAnswer struct {
	Task wireTask `json:"task"`
}

// stopTask stops a task, orphaned ones included; a stopped task is returned unchanged.
func (s *Server) stopTask(req *stopTaskRequest) (any, error) {
	if err := checkRequired("task", req.Task); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	t, err := s.findTask(c, req.Task)
	if err != nil {
		return nil, err
	}

	if t.lastStatus != statusStopped {
		reason := req.Reason
		if reason == "" {
			reason = "Task stopped by user"
		}
		s.stop(t, stopCodeUser, reason)
		s.schedule(c) // a stopped service task is replaced
	}
	return taskAnswer{Task: s.renderTask(t)}, nil
}

// stop ends a task, frees what it held on its instance and starts draining its load
// balancer targets.
//
// Simplification: ECS sets desiredStatus STOPPED and waits for the agent to report the
// containers gone; with no agent here the task is STOPPED at once.
func (s *Server) stop(t *task, code, reason string) {
	t.desiredStatus = statusStopped
	t.lastStatus = statusStopped
	t.stoppedAt = s.now()
	t.stopCode = code
	t.stoppedReason = reason
	for k := range t.containers {
		t.containers[k].lastStatus = statusStopped
	}
	t.version++
	t.instance.touch()
	s.deregisterTaskTargets(t)
}

type describeTasksRequest struct {
	Cluster string   `json:"cluster"`
	Tasks   []string `json:"tasks"`
	Include []string `json:"include"`
}

// describeTasks reports each task; unknown IDs become MISSING failures. `include` is
// accepted and ignored, since tags are always sent.
//
// Shortcoming: stopped tasks stay describable for ever; ECS forgets them after about an hour.
func (s *Server) describeTasks(req *describeTasksRequest) (any, error) {
	if err := checkListSize("tasks", len(req.Tasks), maxDescribedTasks); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	ids, err := s.memberIDs(c, kindTask, req.Tasks)
	if err != nil {
		return nil, err
	}

	answer := newTasksAnswer()
	for _, id := range ids {
		if t := c.tasks[id]; t != nil {
			answer.Tasks = append(answer.Tasks, s.renderTask(t))
		} else {
			answer.Failures = append(answer.Failures,
				failure{Arn: s.taskARN(c.name, id), Reason: "MISSING"})
		}
	}
	return answer, nil
}
