package wire

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// What counts as a dynamic value: it differs from one run, account or region to the next,
// so answers are compared with references to such values, not with the values themselves.
var (
	ecsARN        = regexp.MustCompile(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]+:([a-z-]+)/`)
	ec2InstanceID = regexp.MustCompile(`^i-[0-9a-f]{8,17}$`)
	resourceID    = regexp.MustCompile(`^([0-9a-f]{32}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$`)
)

// timestampMembers are the members whose numbers are points in time.
var timestampMembers = []string{"registeredAt", "createdAt", "startedAt", "stoppedAt",
	"stoppingAt", "pullStartedAt", "pullStoppedAt", "executionStoppedAt", "connectivityAt",
	"lastStatusChange", "lastUpdated", "deregisteredAt"}

// Normalise returns a copy of a decoded JSON value in which every dynamic value is replaced
// by a stable reference: ECS ARNs by "<container-instance-1>", "<task-2>" and so on, EC2
// instance IDs by "<ec2-instance-1>", bare resource IDs by "<id-1>", timestamps by
// "<timestamp>". The same value gets the same reference throughout, so "the same ARN twice"
// still shows after normalisation. Objects are walked in key order, which makes the
// numbering deterministic.
func Normalise(value any) any {
	n := normaliser{seen: map[string]string{}, counts: map[string]int{}}
	return n.walk("", value)
}

type normaliser struct {
	seen   map[string]string // value -> reference
	counts map[string]int    // kind -> references handed out
}

func (n *normaliser) walk(member string, value any) any {
	switch v := value.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for _, key := range sortedKeys(v) {
			out[key] = n.walk(key, v[key])
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = n.walk(member, item)
		}
		return out
	case float64:
		if slices.Contains(timestampMembers, member) {
			return "<timestamp>"
		}
		return v
	case string:
		return n.reference(v)
	default:
		return v
	}
}

// reference returns the stable reference of a dynamic string, or the string itself.
func (n *normaliser) reference(s string) string {
	kind := ""
	if match := ecsARN.FindStringSubmatch(s); match != nil {
		kind = match[1]
	} else if ec2InstanceID.MatchString(s) {
		kind = "ec2-instance"
	} else if resourceID.MatchString(s) {
		kind = "id"
	}
	if kind == "" {
		return s
	}

	if ref, ok := n.seen[s]; ok {
		return ref
	}
	n.counts[kind]++
	ref := fmt.Sprintf("<%s-%d>", kind, n.counts[kind])
	n.seen[s] = ref
	return ref
}

// isReference tells a reference made by Normalise from a plain string.
func isReference(s string) bool {
	return strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">")
}
