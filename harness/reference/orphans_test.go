package reference

import (
	"slices"
	"testing"
)

// TestDeregisterWithTasksNeedsForce: without force, PENDING or RUNNING work refuses the
// call and nothing changes.
func TestDeregisterWithTasksNeedsForce(t *testing.T) {
	for _, lastStatus := range []string{statusPending, statusRunning} {
		for _, force := range []any{nil, false} {
			e := newEndpoint(t)
			e.createCluster("main")
			arn := e.registerInstance("main", "i-1").ContainerInstanceArn
			task := e.startTask("main", arn, e.registerTaskDefinition("web", 256, 256, 8080))
			if lastStatus == statusRunning {
				e.reportRunning("main", task.TaskArn)
			}

			input := obj{"cluster": "main", "containerInstance": arn}
			if force != nil {
				input["force"] = force
			}
			e.fails("DeregisterContainerInstance", input, badRequest, codeInvalidParameter)
		}
	}
}

// TestForceOrphansTasks: with force the instance goes INACTIVE and its tasks are orphaned:
// still there, still wanting to run, but no longer counted by the cluster.
func TestForceOrphansTasks(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	arn := e.registerInstance("main", "i-1").ContainerInstanceArn
	def := e.registerTaskDefinition("web", 256, 512, 8080)
	running := e.startTask("main", arn, def)
	pending := e.startTask("main", arn, e.registerTaskDefinition("batch", 100, 100, 0))
	e.reportRunning("main", running.TaskArn)
	running = e.describeTask("main", running.TaskArn)
	before := e.describeInstance("main", arn)

	after := e.deregister("main", arn, true)
	if after.Status != statusInactive || after.Version != before.Version+1 {
		t.Errorf("forced: %s v%d, want INACTIVE v%d", after.Status, after.Version,
			before.Version+1)
	}
	// The instance keeps accounting for what still runs on it.
	if after.RunningTasksCount != 1 || after.PendingTasksCount != 1 ||
		!equalResources(after.RemainingResources, before.RemainingResources) {
		t.Errorf("instance counters or resources changed: %+v", after)
	}

	for _, task := range []wireTask{running, pending} {
		got := e.describeTask("main", task.TaskArn)
		if got.DesiredStatus != statusRunning || got.LastStatus == statusStopped ||
			got.Version != task.Version {
			t.Errorf("orphaned task %s: desired %s last %s v%d; want it untouched", got.TaskArn,
				got.DesiredStatus, got.LastStatus, got.Version)
		}
	}
	var listed listTasksAnswer
	e.do("ListTasks", obj{"cluster": "main"}, &listed)
	if len(listed.TaskArns) != 2 {
		t.Errorf("ListTasks %v, want both orphans (they still want to run)", listed.TaskArns)
	}

	c := e.describeCluster("main")
	if c.RegisteredContainerInstancesCount != 0 || c.RunningTasksCount != 0 ||
		c.PendingTasksCount != 0 {
		t.Errorf("cluster still counts orphans: %+v", c)
	}

	// An orphan can still be stopped; its frozen instance does not change version.
	var stopped taskAnswer
	e.do("StopTask", obj{"cluster": "main", "task": running.TaskArn}, &stopped)
	if stopped.Task.LastStatus != statusStopped {
		t.Errorf("stopping an orphan: %s, want STOPPED", stopped.Task.LastStatus)
	}
	if got := e.describeInstance("main", arn); got.Version != after.Version ||
		got.RunningTasksCount != 0 {
		t.Errorf("after stopping the orphan: v%d running %d, want v%d running 0", got.Version,
			got.RunningTasksCount, after.Version)
	}
}

// TestAfterDeregistrationNoNewTasks: StartTask reports INACTIVE, RunTask finds no instance
// or uses only the remaining ACTIVE one.
func TestAfterDeregistrationNoNewTasks(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	gone := e.registerInstance("main", "i-1").ContainerInstanceArn
	def := e.registerTaskDefinition("web", 1, 1, 0)
	e.deregister("main", gone, false)

	var started tasksAnswer
	e.do("StartTask", obj{"cluster": "main", "containerInstances": []string{gone},
		"taskDefinition": def}, &started)
	if len(started.Tasks) != 0 || !slices.Equal(started.Failures, []failure{{gone, "INACTIVE"}}) {
		t.Errorf("StartTask on INACTIVE: %+v, want one INACTIVE failure", started)
	}
	e.fails("RunTask", obj{"cluster": "main", "taskDefinition": def}, badRequest,
		codeInvalidParameter)

	live := e.registerInstance("main", "i-2").ContainerInstanceArn
	var ran tasksAnswer
	e.do("RunTask", obj{"cluster": "main", "taskDefinition": def, "count": 3}, &ran)
	for _, task := range ran.Tasks {
		if task.ContainerInstanceArn != live {
			t.Errorf("RunTask placed a task on %s, want %s", task.ContainerInstanceArn, live)
		}
	}
	if len(ran.Tasks) != 3 {
		t.Errorf("RunTask placed %d tasks, want 3", len(ran.Tasks))
	}
}
