package reference

import (
	"slices"
	"strings"
	"testing"
)

func TestStartTaskFailures(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	free := e.registerInstance("main", "i-1").ContainerInstanceArn
	draining := e.registerInstance("main", "i-2").ContainerInstanceArn
	e.do("UpdateContainerInstancesState", obj{"cluster": "main", "status": "DRAINING",
		"containerInstances": []string{draining}}, &containerInstancesAnswer{})

	tests := []struct {
		name       string
		definition string
		instance   string
		reason     string
	}{
		{"unknown instance", e.registerTaskDefinition("small", 1, 1, 0),
			e.server.instanceARN("main", "beef"), "MISSING"},
		{"draining instance", e.registerTaskDefinition("small", 1, 1, 0), draining, "DRAINING"},
		{"too much CPU", e.registerTaskDefinition("cpu", 4096, 1, 0), free, "RESOURCE:CPU"},
		{"too much memory", e.registerTaskDefinition("mem", 1, 8192, 0), free,
			"RESOURCE:MEMORY"},
		{"reserved port", e.registerTaskDefinition("ssh", 1, 1, 22), free, "RESOURCE:PORTS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.snapshot()
			var got tasksAnswer
			e.do("StartTask", obj{"cluster": "main", "containerInstances": []string{tt.instance},
				"taskDefinition": tt.definition}, &got)

			want := []failure{{tt.instance, tt.reason}}
			if len(got.Tasks) != 0 || !slices.Equal(got.Failures, want) {
				t.Errorf("got %+v, want no task and failures %v", got, want)
			}
			if e.snapshot() != before {
				t.Error("a failed StartTask changed the state")
			}
		})
	}
}

func TestStartTaskPlacesAndAccounts(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	def := e.registerTaskDefinition("web", 1024, 1000, 8080)

	var got tasksAnswer
	e.do("StartTask", obj{"cluster": "main", "containerInstances": []string{arn, arn},
		"taskDefinition": def, "startedBy": "suite", "tags": []obj{{"key": "k", "value": "v"}}},
		&got)
	// The second task would fit on CPU and memory but wants the same host port.
	wantFailures := []failure{{arn, "RESOURCE:PORTS"}}
	if len(got.Tasks) != 1 || !slices.Equal(got.Failures, wantFailures) {
		t.Fatalf("placed %d, failures %v; want 1 and %v", len(got.Tasks), got.Failures,
			wantFailures)
	}

	task := got.Tasks[0]
	if task.LastStatus != statusPending || task.DesiredStatus != statusRunning ||
		task.LaunchType != "EC2" || task.Version != 1 || task.Group != "family:web" ||
		task.StartedBy != "suite" || task.CPU != "1024" || task.Memory != "1000" ||
		task.ContainerInstanceArn != arn || task.TaskDefinitionArn != def ||
		task.ClusterArn != e.server.clusterARN("main") || len(task.Tags) != 1 {
		t.Errorf("task %+v is not as placed", task)
	}
	prefix := e.server.arn("container/main/" + lastSegment(task.TaskArn) + "/")
	if len(task.Containers) != 1 || !strings.HasPrefix(task.Containers[0].ContainerArn, prefix) ||
		task.Containers[0].LastStatus != statusPending {
		t.Errorf("containers %+v, want one PENDING under %s", task.Containers, prefix)
	}

	i := e.describeInstance("main", arn)
	if i.Version != 2 || i.PendingTasksCount != 1 || i.RunningTasksCount != 0 {
		t.Errorf("instance v%d pending %d running %d, want v2, 1, 0", i.Version,
			i.PendingTasksCount, i.RunningTasksCount)
	}
	if cpu := integerResource(t, i.RemainingResources, "CPU"); cpu != 1024 {
		t.Errorf("remaining CPU %d, want 1024", cpu)
	}
	if mem := integerResource(t, i.RemainingResources, "MEMORY"); mem != 2943 {
		t.Errorf("remaining MEMORY %d, want 2943", mem)
	}
	if ports := findResource(i.RemainingResources, "PORTS"); !slices.Contains(
		ports.StringSetValue, "8080") || !slices.Contains(ports.StringSetValue, "22") {
		t.Errorf("remaining PORTS %v, want the reserved ones plus 8080", ports.StringSetValue)
	}
	if registered := integerResource(t, i.RegisteredResources, "CPU"); registered != 2048 {
		t.Errorf("registered CPU changed to %d", registered)
	}
}

func TestRunTaskSpreadsOverLeastBusy(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	a := e.registerInstance("main", "i-1").ContainerInstanceArn
	b := e.registerInstance("main", "i-2").ContainerInstanceArn
	c := e.registerInstance("main", "i-3").ContainerInstanceArn
	def := e.registerTaskDefinition("web", 1, 1, 0)
	e.startTask("main", a, def)

	var got tasksAnswer
	e.do("RunTask", obj{"cluster": "main", "taskDefinition": "web", "count": 4}, &got)
	var placed []string
	for _, task := range got.Tasks {
		placed = append(placed, task.ContainerInstanceArn)
	}
	// a already runs one; b and c tie and go in registration order.
	if want := []string{b, c, a, b}; !slices.Equal(placed, want) {
		t.Errorf("placed on %v, want %v", placed, want)
	}
}

func TestRunTaskWithoutRoom(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	a := e.registerInstance("main", "i-1").ContainerInstanceArn
	b := e.registerInstance("main", "i-2").ContainerInstanceArn
	def := e.registerTaskDefinition("big", 1500, 100, 0)

	var got tasksAnswer
	e.do("RunTask", obj{"cluster": "main", "taskDefinition": def, "count": 4}, &got)
	wantFailures := []failure{{a, "RESOURCE:CPU"}, {b, "RESOURCE:CPU"}}
	if len(got.Tasks) != 2 || !slices.Equal(got.Failures, wantFailures) {
		t.Errorf("placed %d, failures %v; want 2 and %v", len(got.Tasks), got.Failures,
			wantFailures)
	}
}

func TestRunTaskEchoesGroupAndOverrides(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	e.registerInstance("main", "i-1")
	e.registerTaskDefinition("web", 1, 1, 0)

	var got tasksAnswer
	e.do("RunTask", obj{"cluster": "main", "taskDefinition": "web", "group": "blue",
		"overrides": obj{"containerOverrides": []obj{{"name": "app",
			"command": []string{"true"}}}}}, &got)
	task := got.Tasks[0]
	if task.Group != "blue" || len(task.Overrides.ContainerOverrides) != 1 ||
		task.Overrides.ContainerOverrides[0].Command[0] != "true" {
		t.Errorf("group %q overrides %+v, want blue and the given override", task.Group,
			task.Overrides)
	}
}

func TestUDPHostPortsConflict(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	var registered registerTaskDefinitionAnswer
	e.do("RegisterTaskDefinition", obj{"family": "dns", "containerDefinitions": []obj{{
		"name": "a", "image": "b", "memory": 1, "portMappings": []obj{{"containerPort": 53,
			"hostPort": 53, "protocol": "udp"}}}}}, &registered)
	def := registered.TaskDefinition.TaskDefinitionArn

	var got tasksAnswer
	e.do("StartTask", obj{"cluster": "main", "containerInstances": []string{arn, arn},
		"taskDefinition": def}, &got)
	if len(got.Tasks) != 1 || !slices.Equal(got.Failures, []failure{{arn, "RESOURCE:PORTS_UDP"}}) {
		t.Errorf("placed %d, failures %v; want 1 and a PORTS_UDP failure", len(got.Tasks),
			got.Failures)
	}
	udp := findResource(e.describeInstance("main", arn).RemainingResources, "PORTS_UDP")
	if !slices.Equal(udp.StringSetValue, []string{"53"}) {
		t.Errorf("remaining PORTS_UDP %v, want [53]", udp.StringSetValue)
	}
}
