package reference

import (
	"fmt"
	"net/http"
	"testing"
)

// Fixtures: the few steps nearly every test starts from, each failing the test on error.

func (e *endpoint) createCluster(name string) wireCluster {
	e.t.Helper()
	var got clusterAnswer
	e.do("CreateCluster", obj{"clusterName": name}, &got)
	return got.Cluster
}

// identityDocument returns an instance identity document for an EC2 instance ID.
func identityDocumentFor(ec2ID string) string {
	return fmt.Sprintf(`{"instanceId":%q,"region":"us-east-1","availabilityZone":"us-east-1a",`+
		`"instanceType":"t3.medium","imageId":"ami-0123456789abcdef0"}`, ec2ID)
}

// registerInstance registers a new instance with the default resources (2048 CPU units,
// 3943 MiB) in cluster.
func (e *endpoint) registerInstance(cluster, ec2ID string) wireContainerInstance {
	e.t.Helper()
	var got containerInstanceAnswer
	e.do("RegisterContainerInstance",
		obj{"cluster": cluster, "instanceIdentityDocument": identityDocumentFor(ec2ID)}, &got)
	return got.ContainerInstance
}

// registerTaskDefinition registers a one-container definition needing cpu units and memory
// MiB, with a fixed tcp host port when hostPort is not 0.
func (e *endpoint) registerTaskDefinition(family string, cpu, memory, hostPort int) string {
	e.t.Helper()
	container := obj{"name": "app", "image": "nginx", "cpu": cpu, "memory": memory}
	if hostPort != 0 {
		container["portMappings"] = []obj{{"containerPort": 80, "hostPort": hostPort}}
	}
	var got registerTaskDefinitionAnswer
	e.do("RegisterTaskDefinition",
		obj{"family": family, "containerDefinitions": []obj{container}}, &got)
	return got.TaskDefinition.TaskDefinitionArn
}

// startTask starts one task of taskDefinition on the instance and fails unless it is placed.
func (e *endpoint) startTask(cluster, instanceARN, taskDefinition string) wireTask {
	e.t.Helper()
	var got tasksAnswer
	e.do("StartTask", obj{"cluster": cluster, "containerInstances": []string{instanceARN},
		"taskDefinition": taskDefinition}, &got)
	if len(got.Tasks) != 1 {
		e.t.Fatalf("StartTask placed %d tasks, want 1; failures %v", len(got.Tasks), got.Failures)
	}
	return got.Tasks[0]
}

// reportRunning plays the agent reporting a task RUNNING.
func (e *endpoint) reportRunning(cluster, taskARN string) {
	e.t.Helper()
	var got submitTaskStateChangeAnswer
	e.do("SubmitTaskStateChange", obj{"cluster": cluster, "task": taskARN, "status": "RUNNING"},
		&got)
}

func (e *endpoint) describeCluster(name string) wireCluster {
	e.t.Helper()
	var got describeClustersAnswer
	e.do("DescribeClusters", obj{"clusters": []string{name}}, &got)
	if len(got.Clusters) != 1 {
		e.t.Fatalf("DescribeClusters %s: failures %v", name, got.Failures)
	}
	return got.Clusters[0]
}

func (e *endpoint) describeInstance(cluster, ident string) wireContainerInstance {
	e.t.Helper()
	var got containerInstancesAnswer
	e.do("DescribeContainerInstances",
		obj{"cluster": cluster, "containerInstances": []string{ident}}, &got)
	if len(got.ContainerInstances) != 1 {
		e.t.Fatalf("DescribeContainerInstances %s: failures %v", ident, got.Failures)
	}
	return got.ContainerInstances[0]
}

func (e *endpoint) describeTask(cluster, taskARN string) wireTask {
	e.t.Helper()
	var got tasksAnswer
	e.do("DescribeTasks", obj{"cluster": cluster, "tasks": []string{taskARN}}, &got)
	if len(got.Tasks) != 1 {
		e.t.Fatalf("DescribeTasks %s: failures %v", taskARN, got.Failures)
	}
	return got.Tasks[0]
}

func (e *endpoint) listInstances(cluster string, extra obj) []string {
	e.t.Helper()
	input := obj{"cluster": cluster}
	for k, v := range extra {
		input[k] = v
	}
	var got listContainerInstancesAnswer
	e.do("ListContainerInstances", input, &got)
	return got.ContainerInstanceArns
}

func (e *endpoint) deregister(cluster, ident string, force bool) wireContainerInstance {
	e.t.Helper()
	var got containerInstanceAnswer
	e.do("DeregisterContainerInstance",
		obj{"cluster": cluster, "containerInstance": ident, "force": force}, &got)
	return got.ContainerInstance
}

// integerResource reads an INTEGER resource from a list, failing when it is absent.
func integerResource(t *testing.T, rs []resource, name string) int32 {
	t.Helper()
	r := findResource(rs, name)
	if r == nil {
		t.Fatalf("resource %s missing from %v", name, rs)
	}
	return r.IntegerValue
}

// badRequest is the status of every client error.
const badRequest = http.StatusBadRequest
