package reference

import (
	"slices"
	"strconv"
)

// Resource names and types as the ECS agent registers them.
const (
	resourceCPU      = "CPU"
	resourceMemory   = "MEMORY"
	resourcePorts    = "PORTS"
	resourcePortsUDP = "PORTS_UDP"

	typeInteger   = "INTEGER"
	typeLong      = "LONG"
	typeDouble    = "DOUBLE"
	typeStringSet = "STRINGSET"
)

// defaultResources is what a container instance registers when totalResources is absent:
// roughly a t3.medium as the agent reports it, with the ports the agent reserves.
func defaultResources() []resource {
	return []resource{
		{Name: resourceCPU, Type: typeInteger, IntegerValue: 2048},
		{Name: resourceMemory, Type: typeInteger, IntegerValue: 3943},
		{
			Name:           resourcePorts,
			Type:           typeStringSet,
			StringSetValue: []string{"22", "2375", "2376", "51678", "51679"},
		},
		{Name: resourcePortsUDP, Type: typeStringSet, StringSetValue: []string{}},
	}
}

// normalizeResources validates totalResources and gives every STRINGSET a non-nil set (sent
// as `[]`) and every other type none, so answers look like the agent's registrations.
func normalizeResources(given []resource) ([]resource, error) {
	if given == nil {
		return defaultResources(), nil
	}

	out := make([]resource, 0, len(given))
	for _, r := range given {
		if r.Name == "" {
			return nil, blank("totalResources.name")
		}
		if r.Type == "" {
			return nil, blank("totalResources.type")
		}
		if err := checkEnum("totalResources.type", r.Type,
			typeInteger, typeLong, typeDouble, typeStringSet); err != nil {
			return nil, err
		}

		if r.Type == typeStringSet {
			r.StringSetValue = orEmpty(slices.Clone(r.StringSetValue))
		} else {
			r.StringSetValue = nil
		}
		out = append(out, r)
	}
	return out, nil
}

// resourceNeed is what one task of a task definition takes from its container instance.
type resourceNeed struct {
	cpu      int32
	memory   int32
	tcpPorts []string // host ports, as decimal strings like the PORTS resource
	udpPorts []string
}

// remainingResources derives what is left on the instance: the registered CPU and memory
// minus the needs of its PENDING and RUNNING tasks, and the registered reserved ports plus
// the host ports those tasks hold (ECS reports ports in use, not ports free).
func (i *instance) remainingResources() []resource {
	var used resourceNeed
	for _, t := range i.workload() {
		n := t.definition.need
		used.cpu += n.cpu
		used.memory += n.memory
		used.tcpPorts = append(used.tcpPorts, n.tcpPorts...)
		used.udpPorts = append(used.udpPorts, n.udpPorts...)
	}

	out := make([]resource, 0, len(i.resources))
	for _, r := range i.resources {
		switch r.Name {
		case resourceCPU:
			r.IntegerValue -= used.cpu
		case resourceMemory:
			r.IntegerValue -= used.memory
		case resourcePorts:
			r.StringSetValue = append(slices.Clone(r.StringSetValue), used.tcpPorts...)
		case resourcePortsUDP:
			r.StringSetValue = append(slices.Clone(r.StringSetValue), used.udpPorts...)
		}
		out = append(out, r)
	}
	return out
}

// shortfall names the first resource, in ECS's order CPU, MEMORY, PORTS, PORTS_UDP, that the
// instance lacks for one more task of the given need, or returns "" when the task fits. An
// integer resource the instance never registered counts as zero.
func (i *instance) shortfall(need resourceNeed) string {
	remaining := i.remainingResources()
	integer := func(name string) int32 {
		if r := findResource(remaining, name); r != nil {
			return r.IntegerValue
		}
		return 0
	}
	taken := func(name string, wanted []string) bool {
		r := findResource(remaining, name)
		return r != nil && slices.ContainsFunc(wanted, func(p string) bool {
			return slices.Contains(r.StringSetValue, p)
		})
	}

	switch {
	case integer(resourceCPU) < need.cpu:
		return resourceCPU
	case integer(resourceMemory) < need.memory:
		return resourceMemory
	case taken(resourcePorts, need.tcpPorts):
		return resourcePorts
	case taken(resourcePortsUDP, need.udpPorts):
		return resourcePortsUDP
	}
	return ""
}

func findResource(rs []resource, name string) *resource {
	for k := range rs {
		if rs[k].Name == name {
			return &rs[k]
		}
	}
	return nil
}

// hostPort renders a port the way the PORTS resource lists it.
func hostPort(port int32) string {
	return strconv.Itoa(int(port))
}
