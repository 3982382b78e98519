package reference

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentDeregistrations: many instances deregistered at once all end INACTIVE and
// the count drops by exactly that many (H1); one instance deregistered by many callers at
// once ends INACTIVE once (H2). Run under -race, it also checks the locking.
func TestConcurrentDeregistrations(t *testing.T) {
	const instances, callersPerInstance = 20, 5
	e := newEndpoint(t)
	e.createCluster("main")
	var arns []string
	for n := range instances {
		i := e.registerInstance("main", fmt.Sprintf("i-%d", n))
		arns = append(arns, i.ContainerInstanceArn)
	}
	survivor := e.registerInstance("main", "i-survivor").ContainerInstanceArn

	var wg sync.WaitGroup
	statuses := make(chan int, instances*callersPerInstance)
	for _, arn := range arns {
		for range callersPerInstance {
			wg.Go(func() {
				got := e.call("DeregisterContainerInstance",
					obj{"cluster": "main", "containerInstance": arn})
				statuses <- got.status
			})
		}
	}
	// Readers run alongside, as a suite's checks would.
	for range instances {
		wg.Go(func() { e.call("DescribeClusters", obj{"clusters": []string{"main"}}) })
		wg.Go(func() { e.call("ListContainerInstances", obj{"cluster": "main"}) })
	}
	wg.Wait()
	close(statuses)

	for status := range statuses {
		if status != http.StatusOK {
			t.Errorf("a concurrent deregistration answered %d", status)
		}
	}
	for _, arn := range arns {
		if got := e.describeInstance("main", arn); got.Status != statusInactive ||
			got.Version != 2 {
			t.Errorf("%s: %s v%d, want INACTIVE v2 (deregistered once)", arn, got.Status,
				got.Version)
		}
	}
	if n := e.describeCluster("main").RegisteredContainerInstancesCount; n != 1 {
		t.Errorf("registeredContainerInstancesCount %d, want 1", n)
	}
	if listed := e.listInstances("main", nil); len(listed) != 1 || listed[0] != survivor {
		t.Errorf("listed %v, want only the survivor", listed)
	}
}

// TestConcurrentMixedOperations runs every kind of write at once across clusters; it only
// checks that nothing fails unexpectedly, the race detector checks the rest.
func TestConcurrentMixedOperations(t *testing.T) {
	e := newEndpoint(t)
	def := e.registerTaskDefinition("web", 1, 1, 0)

	var wg sync.WaitGroup
	for n := range 8 {
		wg.Go(func() {
			cluster := fmt.Sprintf("c%d", n)
			steps := []struct {
				op    string
				input obj
			}{
				{"CreateCluster", obj{"clusterName": cluster}},
				{"RegisterContainerInstance", obj{"cluster": cluster,
					"instanceIdentityDocument": identityDocumentFor("i-1")}},
				{"RunTask", obj{"cluster": cluster, "taskDefinition": def, "count": 2}},
				{"ListTasks", obj{"cluster": cluster}},
				{"RegisterTaskDefinition", obj{"family": "web", "containerDefinitions": []obj{
					{"name": "a", "image": "b", "memory": 1}}}},
				{"ListClusters", obj{}},
			}
			for _, step := range steps {
				if got := e.call(step.op, step.input); got.status != http.StatusOK {
					t.Errorf("%s %s: %d %s", cluster, step.op, got.status, got.body)
				}
			}
		})
	}
	wg.Wait()
}
