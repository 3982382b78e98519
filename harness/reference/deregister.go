package reference

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
func (s *Server) deregisterContainerInstance(
	req *deregisterContainerInstanceRequest) (any, error) {
	if err := checkRequired("containerInstance", req.ContainerInstance); err != nil {
		return nil, err
	}
	c, err := s.activeCluster(req.Cluster)
	if err != nil {
		return nil, err
	}
	i, err := s.findInstance(c, req.ContainerInstance)
	if err != nil {
		return nil, err
	}

	// Deregistering twice is harmless: the answer is the instance as it already is.
	if i.status == statusInactive {
		return containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}, nil
	}

	workload := i.workload()
	if len(workload) > 0 && (req.Force == nil || !*req.Force) {
		// The exact AWS code and message are unconfirmed; the conformance suite accepts
		// InvalidParameterException or ClientException here.
		return nil, invalidParameter("The container instance has tasks that are pending " +
			"or running; use force to deregister it.")
	}

	for _, t := range workload {
		t.orphaned = true
	}
	i.status = statusInactive
	i.deregisteredAt = s.now()
	i.version++
	return containerInstanceAnswer{ContainerInstance: s.renderInstance(c.name, i)}, nil
}
