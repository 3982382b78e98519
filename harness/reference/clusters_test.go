package reference

import (
	"fmt"
	"slices"
	"testing"
)

func TestCreateCluster(t *testing.T) {
	e := newEndpoint(t)

	var created clusterAnswer
	e.do("CreateCluster", obj{}, &created)
	got := created.Cluster
	if got.ClusterName != "default" || got.Status != statusActive {
		t.Errorf("CreateCluster with no name: %s %s, want default ACTIVE", got.ClusterName,
			got.Status)
	}
	if want := "arn:aws:ecs:us-east-1:123456789012:cluster/default"; got.ClusterArn != want {
		t.Errorf("clusterArn %s, want %s", got.ClusterArn, want)
	}
	if len(got.Settings) != 1 || got.Settings[0] != (clusterSetting{"containerInsights",
		"disabled"}) {
		t.Errorf("settings %v, want containerInsights disabled", got.Settings)
	}

	e.do("CreateCluster", obj{"clusterName": "tagged",
		"tags": []obj{{"key": "team", "value": "ecs"}}}, &created)
	if tags := created.Cluster.Tags; len(tags) != 1 || tags[0] != (tag{"team", "ecs"}) {
		t.Errorf("tags %v, want team=ecs", tags)
	}
}

func TestCreateClusterIsIdempotent(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	e.registerInstance("main", "i-1")

	again := e.createCluster("main")
	if again.RegisteredContainerInstancesCount != 1 {
		t.Errorf("creating an ACTIVE cluster again reset it: %d instances, want 1",
			again.RegisteredContainerInstancesCount)
	}
}

func TestCreateClusterRejectsBadNames(t *testing.T) {
	for _, name := range []string{"has space", "slash/y", "dot.ted", string(make([]byte, 256))} {
		e := newEndpoint(t)
		e.fails("CreateCluster", obj{"clusterName": name}, badRequest, codeInvalidParameter)
	}
}

// TestDefaultClusterIsNeverImplicit: only CreateCluster creates `default`.
func TestDefaultClusterIsNeverImplicit(t *testing.T) {
	e := newEndpoint(t)
	document := identityDocumentFor("i-1")
	e.fails("RegisterContainerInstance", obj{"instanceIdentityDocument": document},
		badRequest, codeClusterNotFound)
	e.fails("DeregisterContainerInstance", obj{"containerInstance": "abc"},
		badRequest, codeClusterNotFound)
	e.fails("ListContainerInstances", obj{}, badRequest, codeClusterNotFound)

	var described describeClustersAnswer
	e.do("DescribeClusters", obj{}, &described)
	want := []failure{{Arn: e.server.clusterARN("default"), Reason: "MISSING"}}
	if len(described.Clusters) != 0 || !slices.Equal(described.Failures, want) {
		t.Errorf("DescribeClusters: %v %v, want only a MISSING default", described.Clusters,
			described.Failures)
	}
}

// TestDeleteCluster walks the refusals (instances, then tasks) to the final success.
func TestDeleteCluster(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	a := e.registerInstance("main", "i-1")
	b := e.registerInstance("main", "i-2")
	def := e.registerTaskDefinition("web", 128, 128, 0)
	running := e.startTask("main", a.ContainerInstanceArn, def)
	e.reportRunning("main", running.TaskArn)

	e.fails("DeleteCluster", obj{"cluster": "main"}, badRequest, codeInstancesStillActive)

	// A draining instance still blocks; an orphaned task no longer does.
	e.do("UpdateContainerInstancesState", obj{"cluster": "main", "status": "DRAINING",
		"containerInstances": []string{b.ContainerInstanceArn}}, &containerInstancesAnswer{})
	e.deregister("main", a.ContainerInstanceArn, true)
	e.fails("DeleteCluster", obj{"cluster": "main"}, badRequest, codeInstancesStillActive)

	pending := e.startTask("main", e.registerInstance("main", "i-3").ContainerInstanceArn, def)
	e.deregister("main", b.ContainerInstanceArn, false)
	e.deregister("main", lastSegment(pending.ContainerInstanceArn), true)

	var deleted clusterAnswer
	e.do("DeleteCluster", obj{"cluster": e.server.clusterARN("main")}, &deleted)
	if deleted.Cluster.Status != statusInactive {
		t.Errorf("deleted cluster status %s, want INACTIVE", deleted.Cluster.Status)
	}
	if got := e.describeCluster("main").Status; got != statusInactive {
		t.Errorf("DescribeClusters after delete: %s, want INACTIVE", got)
	}
	e.fails("DeleteCluster", obj{"cluster": "main"}, badRequest, codeClusterNotFound)
	e.fails("ListContainerInstances", obj{"cluster": "main"}, badRequest, codeClusterNotFound)

	// Creating it again gives a fresh, empty cluster.
	fresh := e.createCluster("main")
	if fresh.Status != statusActive || fresh.RegisteredContainerInstancesCount != 0 {
		t.Errorf("recreated cluster %s with %d instances, want ACTIVE and empty", fresh.Status,
			fresh.RegisteredContainerInstancesCount)
	}
}

func TestDeleteClusterRefusedWhileTasksAreActive(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	i := e.registerInstance("main", "i-1")
	task := e.startTask("main", i.ContainerInstanceArn, e.registerTaskDefinition("web", 1, 1, 0))

	// Through the API a task outlives its instance's registration only as an orphan, which
	// does not block deletion: the task check is for launch types that need no instance.
	// Retire the instance behind the API's back to reach that check.
	e.server.mu.Lock()
	e.server.clusters["main"].instances[lastSegment(i.ContainerInstanceArn)].status =
		statusInactive
	e.server.mu.Unlock()
	e.fails("DeleteCluster", obj{"cluster": "main"}, badRequest, codeTasksStillActive)

	e.do("StopTask", obj{"cluster": "main", "task": task.TaskArn}, &taskAnswer{})
	e.do("DeleteCluster", obj{"cluster": "main"}, &clusterAnswer{})
}

func TestDescribeClusters(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("a")

	var got describeClustersAnswer
	e.do("DescribeClusters", obj{"clusters": []string{"a", e.server.clusterARN("a"), "nope"}},
		&got)
	if len(got.Clusters) != 2 || got.Clusters[1].ClusterName != "a" {
		t.Errorf("clusters %v, want a twice", got.Clusters)
	}
	want := []failure{{Arn: e.server.clusterARN("nope"), Reason: "MISSING"}}
	if !slices.Equal(got.Failures, want) {
		t.Errorf("failures %v, want %v", got.Failures, want)
	}

	malformed := []string{"arn:aws:ecs:eu-west-1:123456789012:cluster/a",
		"arn:aws:ecs:us-east-1:123456789012:service/a", "a/b"}
	for _, ident := range malformed {
		e.fails("DescribeClusters", obj{"clusters": []string{ident}}, badRequest,
			codeInvalidParameter)
	}
	e.fails("DescribeClusters", obj{"clusters": make([]string, 101)}, badRequest,
		codeInvalidParameter)
}

func TestListClustersPages(t *testing.T) {
	e := newEndpoint(t)
	for _, name := range []string{"c", "a", "e", "b", "d"} {
		e.createCluster(name)
	}
	e.do("DeleteCluster", obj{"cluster": "e"}, &clusterAnswer{})

	var names []string
	token := ""
	for pages := 1; ; pages++ {
		var page listClustersAnswer
		e.do("ListClusters", obj{"maxResults": 3, "nextToken": token}, &page)
		for _, arn := range page.ClusterArns {
			names = append(names, lastSegment(arn))
		}
		if token = page.NextToken; token == "" {
			if pages != 2 {
				t.Errorf("%d pages, want 2", pages)
			}
			break
		}
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(names, want) {
		t.Errorf("listed %v, want %v (ACTIVE only, sorted)", names, want)
	}

	for _, input := range []obj{{"maxResults": 0}, {"maxResults": 101}, {"nextToken": "%%%"},
		{"nextToken": "LTE"}} { // "LTE" is base64 of -1
		e.fails("ListClusters", input, badRequest, codeInvalidParameter)
	}
}

func TestClusterCounters(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	def := e.registerTaskDefinition("web", 10, 10, 0)
	var tasks []wireTask
	for n := range 3 {
		i := e.registerInstance("main", fmt.Sprintf("i-%d", n))
		tasks = append(tasks, e.startTask("main", i.ContainerInstanceArn, def))
	}
	e.reportRunning("main", tasks[0].TaskArn)
	e.reportRunning("main", tasks[1].TaskArn)

	got := e.describeCluster("main")
	if got.RegisteredContainerInstancesCount != 3 || got.RunningTasksCount != 2 ||
		got.PendingTasksCount != 1 {
		t.Errorf("counters %d/%d/%d, want 3 instances, 2 running, 1 pending",
			got.RegisteredContainerInstancesCount, got.RunningTasksCount, got.PendingTasksCount)
	}
	if got.ActiveServicesCount != 0 || got.Statistics == nil || got.CapacityProviders == nil {
		t.Errorf("static members wrong: %+v", got)
	}
}
