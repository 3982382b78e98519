package reference

type listTasksRequest struct {
	Cluster           string `json:"cluster"`
	ContainerInstance string `json:"containerInstance"`
	Family            string `json:"family"`
	StartedBy         string `json:"startedBy"`
	ServiceName       string `json:"serviceName"`
	DesiredStatus     string `json:"desiredStatus"`
	LaunchType        string `json:"launchType"`
	MaxResults        *int32 `json:"maxResults"`
	NextToken         string `json:"nextToken"`
}

type listTasksAnswer struct {
	TaskArns  []string `json:"taskArns"`
	NextToken string   `json:"nextToken,omitempty"`
}

// listTasks lists tasks in creation order, filtered on desiredStatus (RUNNING unless told
// otherwise) and on every other filter given. Orphaned tasks are listed: they still exist
// and still want to run, ECS just no longer counts them.
func (s *Server) listTasks(req *listTasksRequest) (any, error) {
	err := checkEnum("desiredStatus", req.DesiredStatus, statusRunning, statusPending,
		statusStopped)
	if err != nil {
		return nil, err
	}
	err = checkEnum("launchType", req.LaunchType, launchTypeEC2, "FARGATE", "EXTERNAL")
	if err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	var on *instance
	if req.ContainerInstance != "" {
		if on, err = s.findInstance(c, req.ContainerInstance); err != nil {
			return nil, err
		}
	}

	desired := req.DesiredStatus
	if desired == "" {
		desired = statusRunning
	}
	var arns []string
	for _, t := range c.taskOrder {
		wanted := t.desiredStatus == desired &&
			(on == nil || t.instance == on) &&
			(req.Family == "" || t.definition.family == req.Family) &&
			(req.StartedBy == "" || t.startedBy == req.StartedBy) &&
			(req.ServiceName == "" ||
				t.service != nil && t.service.name == lastSegment(req.ServiceName)) &&
			(req.LaunchType == "" || req.LaunchType == launchTypeEC2)
		if wanted {
			arns = append(arns, s.taskARN(c.name, t.id))
		}
	}

	start, end, next, err := paginate(len(arns), req.MaxResults, req.NextToken)
	if err != nil {
		return nil, err
	}
	return listTasksAnswer{TaskArns: orEmpty(arns[start:end]), NextToken: next}, nil
}
