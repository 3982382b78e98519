package reference

// Limits ECS puts on the container instance lists of a request.
const (
	maxDescribedInstances = 100
	maxUpdatedInstances   = 10
)

// containerInstancesAnswer is the output of DescribeContainerInstances and
// UpdateContainerInstancesState.
type containerInstancesAnswer struct {
	ContainerInstances []wireContainerInstance `json:"containerInstances"`
	Failures           []failure               `json:"failures"`
}

func newContainerInstancesAnswer() containerInstancesAnswer {
	return containerInstancesAnswer{
		ContainerInstances: []wireContainerInstance{},
		Failures:           []failure{},
	}
}

type describeContainerInstancesRequest struct {
	Cluster            string   `json:"cluster"`
	ContainerInstances []string `json:"containerInstances"`
	Include            []string `json:"include"`
}

// describeContainerInstances reports each instance, a deregistered one included for an
// hour; unknown IDs become MISSING failures. `include` is accepted and ignored: tags are
// always sent and instance health is not modelled.
func (s *Server) describeContainerInstances(req *describeContainerInstancesRequest) (any, error) {
	err := checkListSize("containerInstances", len(req.ContainerInstances),
		maxDescribedInstances)
	if err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	ids, err := s.memberIDs(c, kindContainerInstance, req.ContainerInstances)
	if err != nil {
		return nil, err
	}

	answer := newContainerInstancesAnswer()
	for _, id := range ids {
		if i := s.visibleInstance(c, id); i != nil {
			answer.ContainerInstances = append(answer.ContainerInstances,
				s.renderInstance(c.name, i))
		} else {
			answer.Failures = append(answer.Failures,
				failure{Arn: s.instanceARN(c.name, id), Reason: "MISSING"})
		}
	}
	return answer, nil
}

type listContainerInstancesRequest struct {
	Cluster    string `json:"cluster"`
	Filter     string `json:"filter"`
	MaxResults *int32 `json:"maxResults"`
	NextToken  string `json:"nextToken"`
	Status     string `json:"status"`
}

type listContainerInstancesAnswer struct {
	ContainerInstanceArns []string `json:"containerInstanceArns"`
	NextToken             string   `json:"nextToken,omitempty"`
}

// listContainerInstances lists in registration order. A deregistered instance is never
// listed: INACTIVE is not even an accepted status filter.
func (s *Server) listContainerInstances(req *listContainerInstancesRequest) (any, error) {
	// Shortcoming: the cluster query language is not implemented; saying so beats
	// silently listing everything.
	if req.Filter != "" {
		return nil, invalidParameter("filter is not supported by this endpoint.")
	}
	err := checkEnum("status", req.Status, statusActive, statusDraining, "REGISTERING",
		"DEREGISTERING", "REGISTRATION_FAILED")
	if err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}

	var arns []string
	for _, i := range c.instanceOrder {
		wanted := i.status != statusInactive || s.has(DefectStillListed) // Defect.
		if req.Status != "" {
			wanted = i.status == req.Status
		}
		if wanted {
			arns = append(arns, s.instanceARN(c.name, i.id))
		}
	}

	start, end, next, err := paginate(len(arns), req.MaxResults, req.NextToken)
	if err != nil {
		return nil, err
	}
	return listContainerInstancesAnswer{
		ContainerInstanceArns: orEmpty(arns[start:end]),
		NextToken:             next,
	}, nil
}

type updateContainerInstancesStateRequest struct {
	Cluster            string   `json:"cluster"`
	ContainerInstances []string `json:"containerInstances"`
	Status             string   `json:"status"`
}

// updateContainerInstancesState moves instances between ACTIVE and DRAINING. A deregistered
// instance is reported as an INACTIVE failure and never comes back to life.
func (s *Server) updateContainerInstancesState(
	req *updateContainerInstancesStateRequest) (any, error) {
	err := checkListSize("containerInstances", len(req.ContainerInstances), maxUpdatedInstances)
	if err != nil {
		return nil, err
	}
	if err := checkRequired("status", req.Status); err != nil {
		return nil, err
	}
	if req.Status != statusActive && req.Status != statusDraining {
		return nil, invalidParameter("Container instance status can only be ACTIVE or DRAINING")
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	ids, err := s.memberIDs(c, kindContainerInstance, req.ContainerInstances)
	if err != nil {
		return nil, err
	}

	answer := newContainerInstancesAnswer()
	for _, id := range ids {
		i := s.visibleInstance(c, id)
		switch {
		case i == nil:
			answer.Failures = append(answer.Failures,
				failure{Arn: s.instanceARN(c.name, id), Reason: "MISSING"})
		case i.status == statusInactive && !s.has(DefectUpdateReactivates): // Defect.
			answer.Failures = append(answer.Failures,
				failure{Arn: s.instanceARN(c.name, id), Reason: statusInactive})
		default:
			if i.status != req.Status {
				i.status = req.Status
				i.version++
			}
			answer.ContainerInstances = append(answer.ContainerInstances,
				s.renderInstance(c.name, i))
		}
	}
	s.schedule(c) // an instance made ACTIVE again may take a service's missing task
	return answer, nil
}
