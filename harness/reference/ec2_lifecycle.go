package reference

import "net/url"

// The state changes of EC2 instances, and what they do to the container instances that run
// on them. Container instances are tied to EC2 instances by the instanceId of the identity
// document they registered with; one registered with a made-up document follows nothing.

// stopInstances stops running instances. The agent on a stopped instance is gone, so its
// container instance shows agentConnected false (it stays registered, as on ECS).
func (s *Server) stopInstances(form url.Values) (any, error) {
	return s.changeStates(form, "stopped", func(e *ec2Instance) (string, error) {
		switch e.state {
		case ec2Terminated:
			return "", ec2Error("IncorrectInstanceState", "This instance '%s' is not in a "+
				"state from which it can be stopped.", e.id)
		case ec2Stopped:
			return ec2Stopped, nil
		}
		e.state = ec2Stopped
		if !s.has(DefectStopKeepsAgent) { // Defect: the agent seems to live on.
			s.setAgentConnected(e.id, false)
		}
		return ec2Stopping, nil
	})
}

// startInstances starts stopped instances; their agents connect again.
func (s *Server) startInstances(form url.Values) (any, error) {
	return s.changeStates(form, "started", func(e *ec2Instance) (string, error) {
		switch e.state {
		case ec2Terminated:
			return "", ec2Error("IncorrectInstanceState", "This instance '%s' is not in a "+
				"state from which it can be started.", e.id)
		case ec2Running:
			return ec2Running, nil
		}
		e.state = ec2Running
		s.setAgentConnected(e.id, true)
		return ec2Pending, nil
	})
}

// terminateInstances terminates instances, whatever their state. Terminating a running
// instance deregisters the container instances on it whose agent is connected, with their
// tasks orphaned as by a forced deregistration; a stopped instance or a disconnected agent
// leaves its container instance registered, as the reference page says.
func (s *Server) terminateInstances(form url.Values) (any, error) {
	return s.changeStates(form, "terminated", func(e *ec2Instance) (string, error) {
		if e.state == ec2Terminated {
			return ec2Terminated, nil
		}
		wasRunning := e.state == ec2Running
		e.state, e.terminatedAt = ec2Terminated, s.now()
		s.deregisterTerminated(e.id, wasRunning)
		return ec2ShuttingDown, nil
	})
}

// deregisterTerminated deregisters the container instances of a terminated EC2 instance,
// when ECS would.
func (s *Server) deregisterTerminated(ec2ID string, wasRunning bool) {
	if s.has(DefectTerminateNeverDeregisters) {
		return // Defect.
	}
	for _, c := range s.clusters {
		for _, i := range c.instanceOrder {
			if i.ec2InstanceID != ec2ID || !i.registered() {
				continue
			}
			connected := !i.agentDisconnected || s.has(DefectTerminateIgnoresAgent) // Defect.
			// Defect: a stopped instance is deregistered whatever its agent's state.
			stoppedToo := !wasRunning && s.has(DefectTerminateStoppedDeregisters)
			if wasRunning && connected || stoppedToo {
				s.removeFromCluster(c, i, i.workload())
			}
		}
	}
}

// changeStates applies change to each instance InstanceId.N names, after checking them all,
// and answers each one's previous and current state. what is the verb for errors.
func (s *Server) changeStates(form url.Values, what string,
	change func(e *ec2Instance) (shown string, err error)) (any, error) {
	ids := queryStrings(form, "InstanceId")
	if len(ids) == 0 {
		return nil, ec2Error("MissingParameter", "The request must contain the parameter "+
			"InstanceId: which instances are to be %s?", what)
	}
	instances, err := s.ec2InstancesNamed(ids)
	if err != nil {
		return nil, err
	}
	for _, e := range instances {
		if e.state == ec2Terminated && what != "terminated" {
			_, err := change(e) // refuses, and changes nothing
			return nil, err
		}
	}

	answer := &stateChangesAnswer{Changes: []wireStateChange{}}
	for _, e := range instances {
		previous := e.state
		shown, _ := change(e) // nothing refuses past the check above
		answer.Changes = append(answer.Changes, wireStateChange{
			InstanceID:    e.id,
			CurrentState:  ec2State(shown),
			PreviousState: ec2State(previous),
		})
	}
	return answer, nil
}

// setAgentConnected marks the agents of every container instance on EC2 instance ec2ID.
func (s *Server) setAgentConnected(ec2ID string, connected bool) {
	for _, c := range s.clusters {
		for _, i := range c.instanceOrder {
			if i.ec2InstanceID == ec2ID && i.registered() &&
				i.agentDisconnected == connected {
				i.agentDisconnected = !connected
				i.version++
			}
		}
	}
}

// ec2Launched reports whether an EC2 instance of this ID was launched here and is pending or
// running: what Options.RequireEC2Instance asks of a registration.
func (s *Server) ec2Launched(id string) bool {
	e := s.ec2Instances[id]
	return e != nil && (e.state == ec2Running || e.state == ec2Pending)
}
