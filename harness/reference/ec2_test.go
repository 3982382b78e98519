package reference

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	smithy "github.com/aws/smithy-go"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// sdkClients serves the endpoint over HTTP and returns the AWS SDK's EC2 and ELBv2 clients
// for it: the query protocols are checked against the SDK's own parsers.
func (e *endpoint) sdkClients() (*ec2.Client, *elasticloadbalancingv2.Client) {
	e.t.Helper()
	server := httptest.NewServer(e.server)
	e.t.Cleanup(server.Close)
	at := awsclient.Endpoint{URL: server.URL}
	return awsclient.NewEC2(at), awsclient.NewELBv2(at)
}

// launch runs one EC2 instance and returns its ID.
func launch(t *testing.T, client *ec2.Client) string {
	t.Helper()
	out, err := client.RunInstances(context.Background(), &ec2.RunInstancesInput{
		ImageId: aws.String("ami-0123456789abcdef0"), MinCount: aws.Int32(1),
		MaxCount: aws.Int32(1), InstanceType: ec2types.InstanceTypeT3Medium,
	})
	if err != nil || len(out.Instances) != 1 {
		t.Fatalf("RunInstances: %v, %d instances", err, len(out.Instances))
	}
	if out.Instances[0].State.Name != ec2types.InstanceStateNamePending {
		t.Errorf("RunInstances answered state %s, want pending", out.Instances[0].State.Name)
	}
	return aws.ToString(out.Instances[0].InstanceId)
}

func ec2StateOf(t *testing.T, client *ec2.Client, id string) ec2types.InstanceStateName {
	t.Helper()
	out, err := client.DescribeInstances(context.Background(),
		&ec2.DescribeInstancesInput{InstanceIds: []string{id}})
	if err != nil || len(out.Reservations) != 1 || len(out.Reservations[0].Instances) != 1 {
		t.Fatalf("DescribeInstances %s: %v %+v", id, err, out)
	}
	return out.Reservations[0].Instances[0].State.Name
}

func TestEC2LifecycleThroughTheSDK(t *testing.T) {
	e := newEndpoint(t)
	client, _ := e.sdkClients()
	ctx := context.Background()
	id := launch(t, client)
	ids := []string{id}

	if got := ec2StateOf(t, client, id); got != ec2types.InstanceStateNameRunning {
		t.Errorf("after RunInstances: %s, want running", got)
	}
	stopped, err := client.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: ids})
	if err != nil || stopped.StoppingInstances[0].CurrentState.Name != "stopping" {
		t.Fatalf("StopInstances: %v %+v", err, stopped)
	}
	if got := ec2StateOf(t, client, id); got != ec2types.InstanceStateNameStopped {
		t.Errorf("after StopInstances: %s, want stopped", got)
	}
	_, err = client.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIds: ids})
	if err != nil {
		t.Fatal(err)
	}
	terminated, err := client.TerminateInstances(ctx,
		&ec2.TerminateInstancesInput{InstanceIds: ids})
	if err != nil || terminated.TerminatingInstances[0].PreviousState.Name != "running" {
		t.Fatalf("TerminateInstances: %v %+v", err, terminated)
	}

	_, err = client.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIds: ids})
	checkQueryError(t, err, "IncorrectInstanceState")
	_, err = client.DescribeInstances(ctx,
		&ec2.DescribeInstancesInput{InstanceIds: []string{"i-0123456789abcdef0"}})
	checkQueryError(t, err, "InvalidInstanceID.NotFound")
}

func TestTerminationDeregistersOnlyARunningInstanceWithItsAgent(t *testing.T) {
	cases := []struct {
		name       string
		before     func(e *endpoint, client *ec2.Client, cluster, id, arn string)
		deregister bool
	}{
		{"running", func(*endpoint, *ec2.Client, string, string, string) {}, true},
		{"stopped", func(_ *endpoint, client *ec2.Client, _, id, _ string) {
			_, _ = client.StopInstances(context.Background(),
				&ec2.StopInstancesInput{InstanceIds: []string{id}})
		}, false},
		{"agent disconnected", func(e *endpoint, _ *ec2.Client, cluster, _, arn string) {
			got := e.send(controlRequest("disconnect", cluster, arn))
			if got.status != 200 {
				e.t.Fatalf("disconnect: %d %s", got.status, got.body)
			}
		}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEndpoint(t)
			client, _ := e.sdkClients()
			e.createCluster("c")
			id := launch(t, client)
			arn := e.registerInstance("c", id).ContainerInstanceArn

			c.before(e, client, "c", id, arn)
			_, err := client.TerminateInstances(context.Background(),
				&ec2.TerminateInstancesInput{InstanceIds: []string{id}})
			if err != nil {
				t.Fatal(err)
			}
			got := e.describeInstance("c", arn)
			if (got.Status == statusInactive) != c.deregister {
				t.Errorf("status %s after termination, want deregistered %t", got.Status,
					c.deregister)
			}
			if c.name != "running" && got.AgentConnected {
				t.Errorf("agentConnected true, want false")
			}
		})
	}
}

func TestRequireEC2InstanceRefusesUnknownInstances(t *testing.T) {
	e := newEndpoint(t)
	e.server.opts.RequireEC2Instance = true
	client, _ := e.sdkClients()
	e.createCluster("c")

	e.fails("RegisterContainerInstance", obj{"cluster": "c",
		"instanceIdentityDocument": identityDocumentFor("i-0123456789abcdef0")},
		badRequest, codeClient)
	e.registerInstance("c", launch(t, client))
}

// checkQueryError checks that err is the SDK's API error with the given code.
func checkQueryError(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != code {
		t.Errorf("got %v, want the API error %s", err, code)
	}
}
