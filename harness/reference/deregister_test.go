package reference

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDeregisterIdleInstance covers every way of naming the cluster and the instance, and
// force absent, false and true, on an instance with no task.
func TestDeregisterIdleInstance(t *testing.T) {
	tests := []struct {
		name    string
		cluster string // cluster the instance lives in
		input   func(s *Server, arn string) obj
	}{
		{"full ARN, cluster by name", "main", func(_ *Server, arn string) obj {
			return obj{"cluster": "main", "containerInstance": arn}
		}},
		{"bare ID", "main", func(_ *Server, arn string) obj {
			return obj{"cluster": "main", "containerInstance": lastSegment(arn)}
		}},
		{"cluster by ARN", "main", func(s *Server, arn string) obj {
			return obj{"cluster": s.clusterARN("main"), "containerInstance": arn}
		}},
		{"cluster omitted means default", "default", func(_ *Server, arn string) obj {
			return obj{"containerInstance": lastSegment(arn)}
		}},
		{"force true", "main", func(_ *Server, arn string) obj {
			return obj{"cluster": "main", "containerInstance": arn, "force": true}
		}},
		{"force false", "main", func(_ *Server, arn string) obj {
			return obj{"cluster": "main", "containerInstance": arn, "force": false}
		}},
		{"force null", "main", func(_ *Server, arn string) obj {
			return obj{"cluster": "main", "containerInstance": arn, "force": nil}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t)
			e.createCluster(tt.cluster)
			before := e.registerInstance(tt.cluster, "i-1")
			e.clock.Advance(90 * time.Second)

			var got containerInstanceAnswer
			e.do("DeregisterContainerInstance", tt.input(e.server, before.ContainerInstanceArn),
				&got)
			after := got.ContainerInstance

			if after.ContainerInstanceArn != before.ContainerInstanceArn ||
				after.Status != statusInactive || after.Version != before.Version+1 {
				t.Errorf("answer %s %s v%d, want %s INACTIVE v%d", after.ContainerInstanceArn,
					after.Status, after.Version, before.ContainerInstanceArn, before.Version+1)
			}
			if after.Ec2InstanceID != before.Ec2InstanceID || after.RegisteredAt !=
				before.RegisteredAt || !equalResources(after.RegisteredResources,
				before.RegisteredResources) {
				t.Errorf("registered facts changed: before %+v after %+v", before, after)
			}
			if n := e.describeCluster(tt.cluster).RegisteredContainerInstancesCount; n != 0 {
				t.Errorf("registeredContainerInstancesCount %d, want 0", n)
			}
			if listed := e.listInstances(tt.cluster, nil); len(listed) != 0 {
				t.Errorf("still listed: %v", listed)
			}
		})
	}
}

// TestDeregisterAnswerShape checks the answer's members and JSON types against the
// Response Syntax of the reference page, on the raw JSON rather than through our structs.
func TestDeregisterAnswerShape(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	got := e.call("DeregisterContainerInstance", obj{"cluster": "main", "containerInstance": arn})
	checkProtocolHeaders(t, got)

	var answer struct {
		ContainerInstance map[string]any `json:"containerInstance"`
	}
	if err := json.Unmarshal(got.body, &answer); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{
		"agentConnected": "bool", "attributes": "list", "containerInstanceArn": "string",
		"ec2InstanceId": "string", "pendingTasksCount": "number", "registeredAt": "number",
		"registeredResources": "list", "remainingResources": "list",
		"runningTasksCount": "number", "status": "string", "version": "number",
		"versionInfo": "object", "attachments": "list", "tags": "list",
	}
	for _, member := range slices.Sorted(maps.Keys(kinds)) {
		if kind := jsonKindOf(answer.ContainerInstance[member]); kind != kinds[member] {
			t.Errorf("containerInstance.%s is %s, want %s", member, kind, kinds[member])
		}
	}

	resources := answer.ContainerInstance["registeredResources"].([]any)
	for _, r := range resources {
		r := r.(map[string]any)
		for _, member := range []string{"doubleValue", "longValue", "integerValue"} {
			if jsonKindOf(r[member]) != "number" {
				t.Errorf("resource %v: %s is not a number", r["name"], member)
			}
		}
		_, hasSet := r["stringSetValue"]
		if hasSet != (r["type"] == "STRINGSET") {
			t.Errorf("resource %v: stringSetValue present=%v for type %v", r["name"], hasSet,
				r["type"])
		}
	}
}

func jsonKindOf(v any) string {
	switch v.(type) {
	case bool:
		return "bool"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "list"
	case map[string]any:
		return "object"
	}
	return "absent"
}

// TestDeregisterDrainingInstance: DRAINING instances deregister like ACTIVE ones.
func TestDeregisterDrainingInstance(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	e.do("UpdateContainerInstancesState", obj{"cluster": "main", "status": "DRAINING",
		"containerInstances": []string{arn}}, &containerInstancesAnswer{})

	if got := e.deregister("main", arn, false); got.Status != statusInactive || got.Version != 3 {
		t.Errorf("deregistered DRAINING instance: %s v%d, want INACTIVE v3", got.Status,
			got.Version)
	}
}

// TestDeregisterTwice: the second call answers the instance as it is, without a change.
func TestDeregisterTwice(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	first := e.deregister("main", arn, false)
	before := e.snapshot()

	second := e.deregister("main", arn, true)
	if second.Status != statusInactive || second.Version != first.Version {
		t.Errorf("second deregistration: %s v%d, want INACTIVE v%d", second.Status,
			second.Version, first.Version)
	}
	if e.snapshot() != before {
		t.Error("deregistering an INACTIVE instance changed the state")
	}
}

// TestDeregisterLeavesOthersAlone: only the named instance changes.
func TestDeregisterLeavesOthersAlone(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	e.createCluster("other")
	target := e.registerInstance("main", "i-1").ContainerInstanceArn
	sibling := e.registerInstance("main", "i-2").ContainerInstanceArn
	elsewhere := e.registerInstance("other", "i-3").ContainerInstanceArn
	siblingBefore := e.describeInstance("main", sibling)
	elsewhereBefore := e.describeInstance("other", elsewhere)

	e.deregister("main", target, false)

	siblingAfter := e.describeInstance("main", sibling)
	elsewhereAfter := e.describeInstance("other", elsewhere)
	for _, pair := range [][2]wireContainerInstance{{siblingBefore, siblingAfter},
		{elsewhereBefore, elsewhereAfter}} {
		before, after := pair[0], pair[1]
		if after.Status != statusActive || after.Version != before.Version {
			t.Errorf("%s changed: %s v%d, want ACTIVE v%d", after.ContainerInstanceArn,
				after.Status, after.Version, before.Version)
		}
	}
	if listed := e.listInstances("main", nil); !slices.Equal(listed, []string{sibling}) {
		t.Errorf("listed %v, want only %s", listed, sibling)
	}
}

// TestDeregisterRefusals covers the error answers; each must leave the state unchanged.
func TestDeregisterRefusals(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	e.createCluster("other")
	e.createCluster("default")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	id := lastSegment(arn)
	otherARN := e.registerInstance("other", "i-2").ContainerInstanceArn
	anyARN := func(resource string) string { return e.server.arn(resource) }

	tests := []struct {
		name    string
		input   obj
		code    string
		message string
	}{
		{"unknown cluster", obj{"cluster": "nope", "containerInstance": id},
			codeClusterNotFound, "Cluster not found."},
		{"cluster omitted, instance elsewhere", obj{"containerInstance": id},
			codeInvalidParameter, "not found"},
		{"unknown instance", obj{"cluster": "main", "containerInstance": "f00d"},
			codeInvalidParameter, "not found"},
		{"ARN of another cluster", obj{"cluster": "main", "containerInstance": otherARN},
			codeInvalidParameter, "Identifier is for cluster other. Your cluster is main"},
		{"bare ID of another cluster",
			obj{"cluster": "main", "containerInstance": lastSegment(otherARN)},
			codeInvalidParameter, "not found"},
		{"too many segments", obj{"cluster": "main", "containerInstance": "a/b/c"},
			codeInvalidParameter, "Invalid identifier"},
		{"two segments", obj{"cluster": "main", "containerInstance": "main/" + id},
			codeInvalidParameter, "Invalid identifier"},
		{"ARN of a task", obj{"cluster": "main",
			"containerInstance": anyARN("task/main/" + id)}, codeInvalidParameter,
			"Invalid identifier"},
		{"ARN of another service", obj{"cluster": "main", "containerInstance": strings.Replace(
			arn, ":ecs:", ":ec2:", 1)}, codeInvalidParameter, "Invalid identifier"},
		{"ARN of another region", obj{"cluster": "main", "containerInstance": strings.Replace(
			arn, "us-east-1", "eu-west-1", 1)}, codeInvalidParameter, "Invalid identifier"},
		{"short ARN form", obj{"cluster": "main",
			"containerInstance": anyARN("container-instance/" + id)}, codeInvalidParameter,
			"Invalid identifier"},
		{"malformed cluster ARN", obj{"cluster": anyARN("service/main"),
			"containerInstance": id}, codeInvalidParameter, "Invalid identifier"},
		{"empty containerInstance", obj{"cluster": "main", "containerInstance": ""},
			codeInvalidParameter, "containerInstance"},
		{"missing containerInstance", obj{"cluster": "main"},
			codeInvalidParameter, "containerInstance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			message := e.fails("DeregisterContainerInstance", tt.input, badRequest, tt.code)
			if !strings.Contains(message, tt.message) {
				t.Errorf("message %q does not contain %q", message, tt.message)
			}
		})
	}
}
