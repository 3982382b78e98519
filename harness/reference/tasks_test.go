package reference

import (
	"slices"
	"testing"
)

func TestTaskRequestRefusals(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	def := e.registerTaskDefinition("web", 1, 1, 0)
	e.do("DeregisterTaskDefinition", obj{"taskDefinition": "web:1"}, &taskDefinitionAnswer{})
	e.registerTaskDefinition("web", 1, 1, 0)

	tests := []struct {
		op    string
		input obj
		code  string
	}{
		{"RunTask", obj{}, codeInvalidParameter},
		{"RunTask", obj{"taskDefinition": "web", "count": 0}, codeInvalidParameter},
		{"RunTask", obj{"taskDefinition": "web", "count": 11}, codeInvalidParameter},
		{"RunTask", obj{"taskDefinition": "web", "launchType": "FARGATE"}, codeInvalidParameter},
		{"RunTask", obj{"taskDefinition": "nope"}, codeClient},
		{"RunTask", obj{"taskDefinition": def}, codeClient}, // revision 1 is INACTIVE
		{"RunTask", obj{"taskDefinition": "web:3"}, codeClient},
		{"StartTask", obj{"taskDefinition": "web"}, codeInvalidParameter},
		{"StartTask", obj{"containerInstances": []string{arn}}, codeInvalidParameter},
		{"StartTask", obj{"taskDefinition": "web", "containerInstances": make([]string, 11)},
			codeInvalidParameter},
		{"StartTask", obj{"taskDefinition": "web", "containerInstances": []string{"x/y"}},
			codeInvalidParameter},
		{"StopTask", obj{}, codeInvalidParameter},
		{"StopTask", obj{"task": "f00d"}, codeInvalidParameter},
		{"SubmitTaskStateChange", obj{"status": "RUNNING"}, codeInvalidParameter},
		{"SubmitTaskStateChange", obj{"task": "f00d", "status": "RUNNING"},
			codeInvalidParameter},
		{"SubmitTaskStateChange", obj{"task": "f00d", "status": "DONE"}, codeInvalidParameter},
		{"DescribeTasks", obj{}, codeInvalidParameter},
		{"DescribeTasks", obj{"tasks": []string{e.server.arn("task/other/1")}},
			codeInvalidParameter},
		{"ListTasks", obj{"desiredStatus": "DONE"}, codeInvalidParameter},
		{"ListTasks", obj{"launchType": "MOON"}, codeInvalidParameter},
		{"ListTasks", obj{"containerInstance": "f00d"}, codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			tt.input["cluster"] = "main"
			e.fails(tt.op, tt.input, badRequest, tt.code)
		})
	}
}

// TestTaskLifecycle walks PENDING -> RUNNING -> STOPPED through the agent and user APIs.
func TestTaskLifecycle(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	task := e.startTask("main", arn, e.registerTaskDefinition("web", 512, 512, 0))

	e.reportRunning("main", task.TaskArn)
	e.reportRunning("main", lastSegment(task.TaskArn)) // a repeated report changes nothing
	running := e.describeTask("main", task.TaskArn)
	if running.LastStatus != statusRunning || running.Version != 2 ||
		running.StartedAt == nil || running.Containers[0].LastStatus != statusRunning {
		t.Errorf("after RUNNING report: %+v", running)
	}
	if i := e.describeInstance("main", arn); i.Version != 3 || i.RunningTasksCount != 1 {
		t.Errorf("instance v%d running %d, want v3 and 1", i.Version, i.RunningTasksCount)
	}

	var stopped taskAnswer
	e.do("StopTask", obj{"cluster": "main", "task": task.TaskArn, "reason": "done"}, &stopped)
	got := stopped.Task
	if got.LastStatus != statusStopped || got.DesiredStatus != statusStopped ||
		got.StopCode != "UserInitiated" || got.StoppedReason != "done" ||
		got.StoppedAt == nil || got.StoppingAt == nil || got.ExecutionStoppedAt == nil ||
		got.Containers[0].LastStatus != statusStopped || got.Version != 3 {
		t.Errorf("stopped task %+v", got)
	}
	i := e.describeInstance("main", arn)
	if i.Version != 4 || i.RunningTasksCount != 0 ||
		integerResource(t, i.RemainingResources, "CPU") != 2048 {
		t.Errorf("instance after stop: %+v, want v4, idle, all CPU free", i)
	}

	e.do("StopTask", obj{"cluster": "main", "task": task.TaskArn}, &stopped)
	if stopped.Task.Version != 3 || stopped.Task.StoppedReason != "done" {
		t.Errorf("stopping again changed the task: %+v", stopped.Task)
	}
}

func TestAgentReportsStop(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	task := e.startTask("main", arn, e.registerTaskDefinition("web", 1, 1, 0))

	var ack submitTaskStateChangeAnswer
	e.do("SubmitTaskStateChange", obj{"cluster": "main", "task": task.TaskArn,
		"status": "STOPPED"}, &ack)
	got := e.describeTask("main", task.TaskArn)
	if ack.Acknowledgment != "ACK" || got.LastStatus != statusStopped ||
		got.StopCode != "EssentialContainerExited" {
		t.Errorf("ack %q, task %s %s; want ACK, STOPPED, EssentialContainerExited",
			ack.Acknowledgment, got.LastStatus, got.StopCode)
	}
}

func TestDescribeAndListTasks(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	a := e.registerInstance("main", "i-1").ContainerInstanceArn
	b := e.registerInstance("main", "i-2").ContainerInstanceArn
	web := e.startTask("main", a, e.registerTaskDefinition("web", 1, 1, 0))
	batch := e.startTask("main", b, e.registerTaskDefinition("batch", 1, 1, 0))
	done := e.startTask("main", b, "web")
	e.do("StopTask", obj{"cluster": "main", "task": done.TaskArn}, &taskAnswer{})

	var described tasksAnswer
	e.do("DescribeTasks", obj{"cluster": "main", "tasks": []string{web.TaskArn, "f00d"}},
		&described)
	missing := []failure{{e.server.taskARN("main", "f00d"), "MISSING"}}
	if len(described.Tasks) != 1 || !slices.Equal(described.Failures, missing) {
		t.Errorf("DescribeTasks: %+v, want one task and %v", described, missing)
	}

	cases := []struct {
		filter obj
		want   []string
	}{
		{obj{}, []string{web.TaskArn, batch.TaskArn}},
		{obj{"desiredStatus": "STOPPED"}, []string{done.TaskArn}},
		{obj{"desiredStatus": "PENDING"}, []string{}},
		{obj{"family": "batch"}, []string{batch.TaskArn}},
		{obj{"containerInstance": lastSegment(a)}, []string{web.TaskArn}},
		{obj{"startedBy": "someone"}, []string{}},
		{obj{"serviceName": "svc"}, []string{}},
		{obj{"launchType": "FARGATE"}, []string{}},
		{obj{"maxResults": 1}, []string{web.TaskArn}},
	}
	for _, tc := range cases {
		tc.filter["cluster"] = "main"
		var got listTasksAnswer
		e.do("ListTasks", tc.filter, &got)
		if !slices.Equal(got.TaskArns, tc.want) {
			t.Errorf("ListTasks %v: %v, want %v", tc.filter, got.TaskArns, tc.want)
		}
	}
}
