package reference

import (
	"slices"
	"testing"
	"time"
)

// TestReregister covers re-registration of a live instance and of a deregistered one.
func TestListContainerInstances(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	var arns []string
	for _, ec2 := range []string{"i-1", "i-2", "i-3"} {
		arns = append(arns, e.registerInstance("main", ec2).ContainerInstanceArn)
	}
	e.do("UpdateContainerInstancesState", obj{"cluster": "main", "status": "DRAINING",
		"containerInstances": []string{arns[1]}}, &containerInstancesAnswer{})
	e.deregister("main", arns[2], false)

	cases := map[string][]string{"": arns[:2], "ACTIVE": arns[:1], "DRAINING": arns[1:2],
		"REGISTERING": {}}
	for status, want := range cases {
		if got := e.listInstances("main", obj{"status": status}); !slices.Equal(got, want) {
			t.Errorf("status %q: listed %v, want %v", status, got, want)
		}
	}

	first := e.listInstances("main", obj{"maxResults": 1})
	if !slices.Equal(first, arns[:1]) {
		t.Errorf("first page %v, want %v", first, arns[:1])
	}
	for _, input := range []obj{{"status": "INACTIVE"}, {"status": "active"},
		{"filter": "attribute:ecs.os-type == linux"}, {"maxResults": 0}, {"nextToken": "!"}} {
		input["cluster"] = "main"
		e.fails("ListContainerInstances", input, badRequest, codeInvalidParameter)
	}
}

func TestUpdateContainerInstancesState(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	live := e.registerInstance("main", "i-1")
	gone := e.registerInstance("main", "i-2")
	e.deregister("main", gone.ContainerInstanceArn, false)

	update := func(status string) containerInstancesAnswer {
		var got containerInstancesAnswer
		e.do("UpdateContainerInstancesState", obj{"cluster": "main", "status": status,
			"containerInstances": []string{live.ContainerInstanceArn,
				gone.ContainerInstanceArn, "0123"}}, &got)
		return got
	}

	steps := []struct {
		status  string
		version int64
	}{{"DRAINING", 2}, {"DRAINING", 2}, {"ACTIVE", 3}}
	for _, step := range steps {
		got := update(step.status)
		if len(got.ContainerInstances) != 1 || got.ContainerInstances[0].Status != step.status ||
			got.ContainerInstances[0].Version != step.version {
			t.Fatalf("to %s: %+v, want the live one %s at version %d", step.status,
				got.ContainerInstances, step.status, step.version)
		}
		wantFailures := []failure{{gone.ContainerInstanceArn, "INACTIVE"},
			{e.server.instanceARN("main", "0123"), "MISSING"}}
		if !slices.Equal(got.Failures, wantFailures) {
			t.Errorf("failures %v, want %v", got.Failures, wantFailures)
		}
	}
	if got := e.describeInstance("main", gone.ContainerInstanceArn); got.Status != statusInactive {
		t.Errorf("deregistered instance turned %s", got.Status)
	}

	for _, input := range []obj{
		{"status": "INACTIVE", "containerInstances": []string{live.ContainerInstanceArn}},
		{"status": "", "containerInstances": []string{live.ContainerInstanceArn}},
		{"status": "ACTIVE", "containerInstances": []string{}},
		{"status": "ACTIVE", "containerInstances": make([]string, 11)},
		{"status": "ACTIVE", "containerInstances": []string{"a/b"}},
	} {
		input["cluster"] = "main"
		e.fails("UpdateContainerInstancesState", input, badRequest, codeInvalidParameter)
	}
}

// TestDescribeWindow: a deregistered instance is describable for one hour, then MISSING.
func TestDescribeWindow(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	e.deregister("main", arn, false)

	e.clock.Advance(time.Hour - time.Second)
	if got := e.describeInstance("main", arn); got.Status != statusInactive {
		t.Errorf("59m59s after deregistration: status %s, want INACTIVE", got.Status)
	}

	e.clock.Advance(time.Second)
	var got containerInstancesAnswer
	e.do("DescribeContainerInstances", obj{"cluster": "main", "containerInstances": []string{arn}},
		&got)
	missing := []failure{{arn, "MISSING"}}
	if len(got.ContainerInstances) != 0 || !slices.Equal(got.Failures, missing) {
		t.Errorf("an hour after deregistration: %+v, want a MISSING failure", got)
	}
	e.fails("DeregisterContainerInstance", obj{"cluster": "main", "containerInstance": arn},
		badRequest, codeInvalidParameter)
}

func TestDescribeContainerInstancesRefusals(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	e.createCluster("other")
	other := e.registerInstance("other", "i-1").ContainerInstanceArn

	for _, idents := range [][]string{{}, make([]string, 101), {other}, {"a/b"}, {""}} {
		e.fails("DescribeContainerInstances", obj{"cluster": "main", "containerInstances": idents},
			badRequest, codeInvalidParameter)
	}
}
