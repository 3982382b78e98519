package provision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/onsi/gomega"
)

// What the suite's EC2 instances are launched as. The image is the fixture document's; no
// emulator the suite knows checks that it exists.
const (
	instanceImage = "ami-0c2b8ca1dad447f8a"
	instanceType  = "t3.medium"
)

// ec2Wait bounds how long an EC2 instance may take to reach a state; an emulator answers at
// once, so this is only a guard against one that never does.
const ec2Wait = 30 * time.Second

// EC2First launches the EC2 instance on the endpoint first (RunInstances), waits until it
// runs, then registers with an identity document that describes that instance, as the ECS
// agent on it would. The instance is terminated after the spec. Endpoints that check
// registrations against their EC2 side need this strategy.
type EC2First struct {
	EC2 *ec2.Client
}

// Name returns "ec2-first".
func (EC2First) Name() string { return "ec2-first" }

// NewIdentity launches one instance and returns its identity. Like every provisioning
// method, it must be called from inside a spec, which owns the instance's cleanup.
func (e EC2First) NewIdentity(ctx context.Context) (Identity, error) {
	if e.EC2 == nil {
		return Identity{}, errors.New("ec2-first needs an EC2 client")
	}
	out, err := e.EC2.RunInstances(ctx, &ec2.RunInstancesInput{
		ImageId:      aws.String(instanceImage),
		InstanceType: ec2types.InstanceType(instanceType),
		MinCount:     aws.Int32(1),
		MaxCount:     aws.Int32(1),
	})
	if err != nil {
		return Identity{}, fmt.Errorf("RunInstances: %w", err)
	}
	if len(out.Instances) != 1 || out.Instances[0].InstanceId == nil {
		return Identity{}, fmt.Errorf("RunInstances answered %d instances, want 1",
			len(out.Instances))
	}
	id := aws.ToString(out.Instances[0].InstanceId)
	logf("EC2 instance %s launched", id)
	deferCleanup("EC2 instance "+id, func(ctx context.Context) error {
		_, err := e.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{
			InstanceIds: []string{id},
		})
		return err
	})

	running, err := e.waitRunning(ctx, id)
	if err != nil {
		return Identity{}, err
	}
	return identityOf(running)
}

// waitRunning waits, with the SDK's own waiter, until the instance is running (the agent
// only starts on a running instance), then describes it.
func (e EC2First) waitRunning(ctx context.Context, id string) (ec2types.Instance, error) {
	waiter := ec2.NewInstanceRunningWaiter(e.EC2, func(o *ec2.InstanceRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = 50*time.Millisecond, time.Second // an emulator is quick
	})
	input := &ec2.DescribeInstancesInput{InstanceIds: []string{id}}
	if err := waiter.Wait(ctx, input, ec2Wait); err != nil {
		return ec2types.Instance{}, fmt.Errorf("EC2 instance %s is not running: %w", id, err)
	}
	return describeEC2(ctx, e.EC2, id)
}

// identityOf fills the fixture document with what EC2 says of the instance.
func identityOf(instance ec2types.Instance) (Identity, error) {
	doc, err := fixtureDocument()
	if err != nil {
		return Identity{}, err
	}
	id := aws.ToString(instance.InstanceId)
	doc["instanceId"] = id
	doc["instanceType"] = string(instance.InstanceType)
	doc["imageId"] = aws.ToString(instance.ImageId)
	if instance.Placement != nil && instance.Placement.AvailabilityZone != nil {
		zone := aws.ToString(instance.Placement.AvailabilityZone)
		doc["availabilityZone"], doc["region"] = zone, zone[:len(zone)-1]
	}
	if instance.PrivateIpAddress != nil {
		doc["privateIp"] = aws.ToString(instance.PrivateIpAddress)
	}
	if instance.LaunchTime != nil {
		doc["pendingTime"] = instance.LaunchTime.UTC().Format(time.RFC3339)
	}
	return signedIdentity(id, doc)
}

func describeEC2(ctx context.Context, client *ec2.Client, id string) (ec2types.Instance,
	error) {
	out, err := client.DescribeInstances(ctx, &ec2.DescribeInstancesInput{
		InstanceIds: []string{id},
	})
	if err != nil {
		return ec2types.Instance{}, fmt.Errorf("DescribeInstances %s: %w", id, err)
	}
	for _, r := range out.Reservations {
		for _, instance := range r.Instances {
			if aws.ToString(instance.InstanceId) == id {
				return instance, nil
			}
		}
	}
	return ec2types.Instance{}, fmt.Errorf("DescribeInstances %s: not in the answer", id)
}

// NewInstanceOnEC2 registers a container instance in cluster on an EC2 instance it launches
// first, whatever the run's registration strategy: the specs about the EC2 instance behind a
// container instance need one.
func (p *Provisioner) NewInstanceOnEC2(ctx context.Context, cluster string) *Instance {
	identity, err := EC2First{EC2: p.EC2}.NewIdentity(ctx)
	mustSucceed(err, "provision: EC2 instance for a container instance")
	return p.register(ctx, cluster, identity)
}

// EC2State returns the state of EC2 instance id, which must be found.
func (p *Provisioner) EC2State(ctx context.Context, id string) ec2types.InstanceStateName {
	instance, err := describeEC2(ctx, p.EC2, id)
	mustSucceed(err, "EC2 state of %s", id)
	must(instance.State != nil, "DescribeInstances %s answered no state", id)
	return instance.State.Name
}

// StopEC2 stops EC2 instance id and waits until it is stopped.
func (p *Provisioner) StopEC2(ctx context.Context, id string) {
	_, err := p.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: []string{id}})
	mustSucceed(err, "StopInstances %s", id)
	gomega.Eventually(ctx, func() ec2types.InstanceStateName {
		return p.EC2State(ctx, id)
	}).WithOffset(1).WithTimeout(ec2Wait).WithPolling(50*time.Millisecond).
		Should(gomega.Equal(ec2types.InstanceStateNameStopped), "EC2 instance %s never stopped", id)
}
