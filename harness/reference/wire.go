package reference

import "time"

// The JSON shapes of ECS, written by hand from the service model because the SDK's types
// carry no JSON tags. Member names are the model's. Optional members use omitempty or
// omitzero; lists ECS always sends are never nil, so they encode as `[]`.

// tag is a resource tag.
type tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// clusterSetting is a cluster setting such as containerInsights.
type clusterSetting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// attribute is a container instance attribute; ECS omits the value of a bare capability.
type attribute struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"`
}

// resource is a registered or remaining resource of a container instance. The agent sends
// every numeric member; stringSetValue only exists for STRINGSET resources, where an empty
// set is `[]`, which omitzero keeps (it drops only a nil slice).
type resource struct {
	Name           string   `json:"name"`
	Type           string   `json:"type"`
	DoubleValue    float64  `json:"doubleValue"`
	LongValue      int64    `json:"longValue"`
	IntegerValue   int32    `json:"integerValue"`
	StringSetValue []string `json:"stringSetValue,omitzero"`
}

// versionInfo is the agent and Docker versions an instance registered with.
type versionInfo struct {
	AgentVersion  string `json:"agentVersion,omitempty"`
	AgentHash     string `json:"agentHash,omitempty"`
	DockerVersion string `json:"dockerVersion,omitempty"`
}

// failure is one per-item failure of a batch call.
type failure struct {
	Arn    string `json:"arn"`
	Reason string `json:"reason"`
}

// keyValuePair is an environment variable.
type keyValuePair struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// portMapping maps a container port to a host port.
type portMapping struct {
	ContainerPort *int32 `json:"containerPort,omitempty"`
	HostPort      *int32 `json:"hostPort,omitempty"`
	Protocol      string `json:"protocol,omitempty"`
}

// containerDefinition is the supported subset of a task definition's container: read from
// RegisterTaskDefinition and sent back as stored.
type containerDefinition struct {
	Name              string         `json:"name"`
	Image             string         `json:"image"`
	CPU               int32          `json:"cpu"`
	Memory            *int32         `json:"memory,omitempty"`
	MemoryReservation *int32         `json:"memoryReservation,omitempty"`
	Essential         *bool          `json:"essential,omitempty"`
	PortMappings      []portMapping  `json:"portMappings"`
	Command           []string       `json:"command,omitempty"`
	EntryPoint        []string       `json:"entryPoint,omitempty"`
	Environment       []keyValuePair `json:"environment"`
}

// taskOverride is the supported subset of a task's overrides. They are echoed on the task
// but not applied.
//
// Shortcoming: cpu and memory overrides do not change what the task takes from its
// instance; the conformance suite never overrides them.
type taskOverride struct {
	ContainerOverrides []containerOverride `json:"containerOverrides"`
	CPU                string              `json:"cpu,omitempty"`
	Memory             string              `json:"memory,omitempty"`
}

// containerOverride overrides one container of a task.
type containerOverride struct {
	Name        string         `json:"name"`
	Command     []string       `json:"command,omitempty"`
	Environment []keyValuePair `json:"environment,omitempty"`
	CPU         *int32         `json:"cpu,omitempty"`
	Memory      *int32         `json:"memory,omitempty"`
}

// epochSeconds renders a time as ECS does: seconds since the epoch, with a fraction.
func epochSeconds(t time.Time) float64 {
	return float64(t.UnixNano()) / 1e9
}

// optionalEpoch renders a time that may not have happened yet: nil (omitted) when zero.
func optionalEpoch(t time.Time) *float64 {
	if t.IsZero() {
		return nil
	}
	seconds := epochSeconds(t)
	return &seconds
}
