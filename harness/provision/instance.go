package provision

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Default capacity of a provisioned container instance: room for several of the suite's
// small tasks (see NewTaskDefinition).
const (
	InstanceCPU    = 1024
	InstanceMemory = 2048
)

// Instance is a container instance the suite registered, with what it registered with.
type Instance struct {
	// Registered is the endpoint's answer to RegisterContainerInstance.
	Registered *types.ContainerInstance

	// Cluster is the short name of the cluster it was registered in.
	Cluster string

	Identity Identity
}

// ARN returns the container instance's full ARN.
func (i *Instance) ARN() string { return aws.ToString(i.Registered.ContainerInstanceArn) }

// ID returns the bare container instance ID: the last segment of its ARN.
func (i *Instance) ID() string {
	arn := i.ARN()
	return arn[strings.LastIndex(arn, "/")+1:]
}

// NewInstance registers a new container instance in cluster, through the Registrar, and
// deregisters it (with force) after the spec unless the spec already did.
func (p *Provisioner) NewInstance(ctx context.Context, cluster string) *Instance {
	identity, err := p.Registrar.NewIdentity(ctx)
	mustSucceed(err, "provision: %s identity", p.Registrar.Name())
	return p.register(ctx, cluster, identity)
}

// register registers a container instance with identity in cluster, as NewInstance says.
func (p *Provisioner) register(ctx context.Context, cluster string, identity Identity) *Instance {
	out, err := p.ECS.RegisterContainerInstance(ctx, p.registration(cluster, identity))
	mustSucceed(err, "provision: RegisterContainerInstance in %s", cluster)
	must(out.ContainerInstance != nil && out.ContainerInstance.ContainerInstanceArn != nil,
		"provision: RegisterContainerInstance in %s answered no containerInstanceArn", cluster)

	instance := &Instance{Registered: out.ContainerInstance, Cluster: cluster, Identity: identity}
	logf("container instance %s registered in %s", instance.ARN(), cluster)
	deferCleanup("container instance "+instance.ARN(), func(ctx context.Context) error {
		return p.retire(ctx, instance)
	})
	return instance
}

// Reregister sends RegisterContainerInstance again for instance, naming its ARN and with the
// identity it first registered with, as an agent that restarts does. The answer is returned
// unjudged: specs use it to check what an endpoint does with a deregistered instance.
func (p *Provisioner) Reregister(ctx context.Context, instance *Instance) (
	*ecs.RegisterContainerInstanceOutput, error) {
	input := p.registration(instance.Cluster, instance.Identity)
	input.ContainerInstanceArn = aws.String(instance.ARN())
	return p.ECS.RegisterContainerInstance(ctx, input)
}

// registration is the RegisterContainerInstance request an ECS agent sends.
func (p *Provisioner) registration(cluster string,
	identity Identity) *ecs.RegisterContainerInstanceInput {
	return &ecs.RegisterContainerInstanceInput{
		Cluster:                           aws.String(cluster),
		InstanceIdentityDocument:          aws.String(identity.Document),
		InstanceIdentityDocumentSignature: aws.String(identity.Signature),
		TotalResources: []types.Resource{
			{Name: aws.String("CPU"), Type: aws.String("INTEGER"), IntegerValue: InstanceCPU},
			{Name: aws.String("MEMORY"), Type: aws.String("INTEGER"), IntegerValue: InstanceMemory},
			{Name: aws.String("PORTS"), Type: aws.String("STRINGSET"),
				StringSetValue: []string{"22", "2375", "2376", "51678", "51679"}},
			{Name: aws.String("PORTS_UDP"), Type: aws.String("STRINGSET"), StringSetValue: []string{}},
		},
		VersionInfo: &types.VersionInfo{
			AgentVersion:  aws.String("1.89.0"),
			AgentHash:     aws.String("conformance"),
			DockerVersion: aws.String("DockerVersion: 25.0.0"),
		},
		Attributes: []types.Attribute{
			{Name: aws.String("com.amazonaws.ecs.capability.privileged-container")},
			{Name: aws.String("com.amazonaws.ecs.capability.docker-remote-api.1.44")},
			{Name: aws.String("com.amazonaws.ecs.capability.logging-driver.json-file")},
		},
	}
}

// retire deregisters instance with force unless it is already INACTIVE or gone.
func (p *Provisioner) retire(ctx context.Context, instance *Instance) error {
	described, err := p.ECS.DescribeContainerInstances(ctx, &ecs.DescribeContainerInstancesInput{
		Cluster:            aws.String(instance.Cluster),
		ContainerInstances: []string{instance.ARN()},
	})
	if err != nil {
		return fmt.Errorf("DescribeContainerInstances: %w", err)
	}
	for _, ci := range described.ContainerInstances {
		if aws.ToString(ci.Status) == "INACTIVE" {
			return nil
		}
	}
	if len(described.ContainerInstances) == 0 {
		return nil
	}

	_, err = p.ECS.DeregisterContainerInstance(ctx, &ecs.DeregisterContainerInstanceInput{
		Cluster:           aws.String(instance.Cluster),
		ContainerInstance: aws.String(instance.ARN()),
		Force:             aws.Bool(true),
	})
	return err
}
