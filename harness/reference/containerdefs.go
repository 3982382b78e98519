package reference

import "strconv"

// Port numbers a port mapping may use.
const (
	minPort = 1
	maxPort = 65535
)

// normalizeContainers validates the container definitions and fills in what ECS fills in:
// essential defaults to true, a protocol defaults to tcp, and with the host network mode a
// missing host port is the container port.
func (d *taskDefinition) normalizeContainers() error {
	for k := range d.containers {
		c := &d.containers[k]
		if c.Name == "" {
			return clientError("Container.name should not be null or empty.")
		}
		if c.Image == "" {
			return clientError("Container.image should not be null or empty.")
		}
		if c.CPU < 0 || negative(c.Memory) || negative(c.MemoryReservation) {
			return clientError("Invalid setting for container '%s'. cpu, memory and "+
				"memoryReservation can not be negative.", c.Name)
		}
		if d.memory == "" && c.Memory == nil && c.MemoryReservation == nil {
			return clientError("Invalid setting for container '%s'. At least one of 'memory' "+
				"or 'memoryReservation' must be specified.", c.Name)
		}

		if c.Essential == nil {
			essential := true
			c.Essential = &essential
		}
		c.PortMappings = orEmpty(c.PortMappings)
		c.Environment = orEmpty(c.Environment)
		for p := range c.PortMappings {
			if err := d.normalizePortMapping(c.Name, &c.PortMappings[p]); err != nil {
				return err
			}
		}
	}
	return nil
}

func negative(v *int32) bool {
	return v != nil && *v < 0
}

func (d *taskDefinition) normalizePortMapping(containerName string, m *portMapping) error {
	if m.ContainerPort == nil || *m.ContainerPort < minPort || *m.ContainerPort > maxPort {
		return clientError("Container '%s' has a port mapping without a valid containerPort.",
			containerName)
	}
	if m.HostPort != nil && (*m.HostPort < 0 || *m.HostPort > maxPort) {
		return clientError("Container '%s' has a port mapping with an invalid hostPort.",
			containerName)
	}
	if err := checkEnum("portMappings.protocol", m.Protocol, "tcp", "udp"); err != nil {
		return err
	}

	if m.Protocol == "" {
		m.Protocol = "tcp"
	}
	if m.HostPort == nil && d.networkMode == "host" {
		port := *m.ContainerPort
		m.HostPort = &port
	}
	return nil
}

// resourceNeed computes what one task takes from its instance: the task-level cpu and
// memory when given, else the sum over containers (memory, or memoryReservation when no hard
// limit is set); and every fixed host port. A host port of 0 or none in bridge mode is a
// dynamic port, which reserves nothing in advance.
//
// Shortcoming: task-level cpu and memory are read as plain numbers of units and MiB; ECS
// also accepts forms such as "1 vCPU" and "2 GB".
func (d *taskDefinition) resourceNeed() (resourceNeed, error) {
	var need resourceNeed
	for _, c := range d.containers {
		need.cpu += c.CPU
		switch {
		case c.Memory != nil:
			need.memory += *c.Memory
		case c.MemoryReservation != nil:
			need.memory += *c.MemoryReservation
		}
		for _, m := range c.PortMappings {
			if m.HostPort == nil || *m.HostPort == 0 {
				continue
			}
			if m.Protocol == "udp" {
				need.udpPorts = append(need.udpPorts, hostPort(*m.HostPort))
			} else {
				need.tcpPorts = append(need.tcpPorts, hostPort(*m.HostPort))
			}
		}
	}

	var err error
	if d.cpu != "" {
		if need.cpu, err = taskLevelUnits(d.cpu); err != nil {
			return need, clientError("Invalid 'cpu' setting for task: %q.", d.cpu)
		}
	}
	if d.memory != "" {
		if need.memory, err = taskLevelUnits(d.memory); err != nil {
			return need, clientError("Invalid 'memory' setting for task: %q.", d.memory)
		}
	}
	return need, nil
}

// taskLevelUnits parses a task-level cpu or memory string: a positive number.
func taskLevelUnits(text string) (int32, error) {
	n, err := strconv.ParseInt(text, 10, 32)
	if err == nil && n <= 0 {
		err = strconv.ErrRange
	}
	return int32(n), err
}
