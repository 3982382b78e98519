// Package labels is the closed list of Ginkgo labels a conformance spec may carry: one
// evidence level, saying how sure we are of AWS's answer, and the capabilities the spec needs
// from an endpoint beyond plain ECS calls. Filter a run with ginkgo's --label-filter, e.g.
// --label-filter='documented && !default-cluster'.
package labels

import "github.com/onsi/ginkgo/v2"

// Evidence levels. Every spec carries exactly one.
var (
	// Documented: the API reference, the Smithy model or the ECS developer guide says so.
	// Asserted hard.
	Documented = ginkgo.Label(EvidenceDocumented)

	// Observed: seen on real AWS in public reports. The error code is asserted hard, the
	// message loosely.
	Observed = ginkgo.Label(EvidenceObserved)

	// Inferred: no public source gives AWS's exact answer. The spec accepts the plausible set
	// of answers, never a 5xx, and says in its text that the exact answer is unconfirmed.
	Inferred = ginkgo.Label(EvidenceInferred)
)

// The evidence label values.
const (
	EvidenceDocumented = "documented"
	EvidenceObserved   = "observed"
	EvidenceInferred   = "inferred"
)

// Capabilities a spec needs from the endpoint.
var (
	// DefaultCluster: the spec creates, uses or needs the absence of the cluster named
	// "default", which every process shares; such specs are also Serial.
	DefaultCluster = ginkgo.Label(CapabilityDefaultCluster)

	// TaskState: the spec needs a task held in a given state, which the suite reaches by
	// playing the ECS agent (SubmitTaskStateChange).
	TaskState = ginkgo.Label(CapabilityTaskState)

	// Services: the spec creates ECS services and watches their scheduler.
	Services = ginkgo.Label(CapabilityServices)

	// LoadBalancing: the spec creates Elastic Load Balancing v2 target groups on the same
	// endpoint (awsQuery) and watches their targets.
	LoadBalancing = ginkgo.Label(CapabilityLoadBalancing)

	// EC2: the spec launches, stops and terminates EC2 instances on the same endpoint
	// (ec2Query) and registers container instances on them.
	EC2 = ginkgo.Label(CapabilityEC2)

	// AgentControl: the spec disconnects a container instance's agent, which no AWS API
	// does; the endpoint must offer its own way (see provision.AgentControl).
	AgentControl = ginkgo.Label(CapabilityAgentControl)
)

// The capability label values.
const (
	CapabilityDefaultCluster = "default-cluster"
	CapabilityTaskState      = "task-state"
	CapabilityServices       = "services"
	CapabilityLoadBalancing  = "load-balancing"
	CapabilityEC2            = "ec2"
	CapabilityAgentControl   = "agent-control"
)

// Capabilities is the closed list of capabilities: labels of specs, and claims of targets.
var Capabilities = []string{CapabilityDefaultCluster, CapabilityTaskState, CapabilityServices,
	CapabilityLoadBalancing, CapabilityEC2, CapabilityAgentControl}

// All is every label a conformance spec may carry.
var All = append([]string{EvidenceDocumented, EvidenceObserved, EvidenceInferred},
	Capabilities...)
