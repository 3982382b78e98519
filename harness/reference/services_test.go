package reference

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// createService creates a service of desired tasks of taskDefinition and returns it.
func (e *endpoint) createService(cluster, name, taskDefinition string, desired int,
	loadBalancers ...obj) wireService {
	e.t.Helper()
	var got serviceAnswer
	e.do("CreateService", obj{"cluster": cluster, "serviceName": name,
		"taskDefinition": taskDefinition, "desiredCount": desired,
		"loadBalancers": loadBalancers}, &got)
	return got.Service
}

func (e *endpoint) describeService(cluster, name string) wireService {
	e.t.Helper()
	var got describeServicesAnswer
	e.do("DescribeServices", obj{"cluster": cluster, "services": []string{name}}, &got)
	if len(got.Services) != 1 {
		e.t.Fatalf("DescribeServices %s: %+v", name, got.Failures)
	}
	return got.Services[0]
}

// serviceTasks lists the ARNs of the service's tasks that want to run.
func (e *endpoint) serviceTasks(cluster, name string) []string {
	e.t.Helper()
	var got listTasksAnswer
	e.do("ListTasks", obj{"cluster": cluster, "serviceName": name}, &got)
	return got.TaskArns
}

func TestSchedulerReplacesAnOrphanElsewhereOrReportsTheShortfall(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("c")
	x := e.registerInstance("c", "i-0000000000000000a").ContainerInstanceArn
	def := e.registerTaskDefinition("app", 1500, 256, 0)
	e.createService("c", "web", def, 1)
	orphan := e.serviceTasks("c", "web")[0]
	e.reportRunning("c", orphan)

	e.deregister("c", x, true)
	if got := e.serviceTasks("c", "web"); len(got) != 1 {
		t.Errorf("with no other instance, tasks %v, want only the orphan", got)
	}
	events := e.describeService("c", "web").Events
	if len(events) == 0 || !strings.Contains(events[0].Message, "unable to place a task") {
		t.Errorf("latest event %+v, want the shortfall", events)
	}

	y := e.registerInstance("c", "i-0000000000000000b").ContainerInstanceArn
	tasks := e.serviceTasks("c", "web")
	if len(tasks) != 2 || e.describeTask("c", tasks[1]).ContainerInstanceArn != y {
		t.Fatalf("after registering another instance, tasks %v, want a copy on %s", tasks, y)
	}
	e.reportRunning("c", tasks[1])
	if got := e.describeService("c", "web"); got.RunningCount != 1 || got.PendingCount != 0 {
		t.Errorf("running %d pending %d, want 1 and 0: the orphan is not counted",
			got.RunningCount, got.PendingCount)
	}

	e.fails("DeleteService", obj{"cluster": "c", "service": "web"}, badRequest,
		codeInvalidParameter)
	e.do("DeleteService", obj{"cluster": "c", "service": "web", "force": true}, &serviceAnswer{})
	if got := e.describeService("c", "web").Status; got != statusInactive {
		t.Errorf("after DeleteService: %s, want INACTIVE", got)
	}
}

func TestOrphanedTargetsDrainForTheDeregistrationDelay(t *testing.T) {
	e := newEndpoint(t)
	_, client := e.sdkClients()
	ctx := context.Background()
	created, err := client.CreateTargetGroup(ctx, &elb.CreateTargetGroupInput{
		Name: aws.String("web"), Protocol: elbtypes.ProtocolEnumHttp, Port: aws.Int32(80),
		VpcId: aws.String("vpc-1"),
	})
	if err != nil {
		t.Fatal(err)
	}
	group := created.TargetGroups[0].TargetGroupArn
	_, err = client.ModifyTargetGroupAttributes(ctx, &elb.ModifyTargetGroupAttributesInput{
		TargetGroupArn: group, Attributes: []elbtypes.TargetGroupAttribute{{
			Key: aws.String(attrDeregistrationDelay), Value: aws.String("10")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	states := func() []string {
		out, err := client.DescribeTargetHealth(ctx,
			&elb.DescribeTargetHealthInput{TargetGroupArn: group})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range out.TargetHealthDescriptions {
			got = append(got, aws.ToString(d.Target.Id)+"="+string(d.TargetHealth.State))
		}
		return got
	}

	e.createCluster("c")
	x := e.registerInstance("c", "i-0000000000000000a").ContainerInstanceArn
	e.do("RegisterTaskDefinition", obj{"family": "web", "containerDefinitions": []obj{{
		"name": "web", "image": "nginx", "memory": 64,
		"portMappings": []obj{{"containerPort": 80}}}}}, &registerTaskDefinitionAnswer{})
	e.createService("c", "svc", "web", 1, obj{"targetGroupArn": *group,
		"containerName": "web", "containerPort": 80})
	e.reportRunning("c", e.serviceTasks("c", "svc")[0])
	if got := states(); len(got) != 1 || got[0] != "i-0000000000000000a=healthy" {
		t.Fatalf("after the task runs: %v, want its instance healthy", got)
	}

	e.deregister("c", x, true)
	if got := states(); len(got) != 1 || got[0] != "i-0000000000000000a=draining" {
		t.Errorf("after force: %v, want the orphan's target draining", got)
	}
	e.clock.Advance(10 * time.Second)
	if got := states(); len(got) != 0 {
		t.Errorf("after the delay: %v, want no target", got)
	}

	_, err = client.DescribeTargetGroups(ctx, &elb.DescribeTargetGroupsInput{
		Names: []string{"missing"}})
	var notFound *elbtypes.TargetGroupNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("unknown target group: %v, want TargetGroupNotFoundException", err)
	}
}
