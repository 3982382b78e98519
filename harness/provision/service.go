package provision

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// WebPort is the container port of the web task definition, the one a load balancer sends
// traffic to.
const WebPort = 80

// NewWebTaskDefinition registers a small EC2 task definition whose one container, "web",
// maps WebPort to a dynamic host port, as load-balanced services do; it is deregistered
// after the spec. cpu is what one task takes from its instance.
func (p *Provisioner) NewWebTaskDefinition(ctx context.Context, cpu int32) *types.TaskDefinition {
	return p.registerTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{
		Family:                  aws.String(p.Name("web")),
		RequiresCompatibilities: []types.Compatibility{types.CompatibilityEc2},
		NetworkMode:             types.NetworkModeBridge,
		ContainerDefinitions: []types.ContainerDefinition{{
			Name:      aws.String("web"),
			Image:     aws.String("nginx:stable"),
			Cpu:       cpu,
			Memory:    aws.Int32(TaskMemory),
			Essential: aws.Bool(true),
			PortMappings: []types.PortMapping{{
				ContainerPort: aws.Int32(WebPort),
				HostPort:      aws.Int32(0), // dynamic: the agent picks one per task
			}},
		}},
	})
}

// NewService creates a service of desired tasks of taskDefinition in cluster, behind the
// given target groups' WebPort when there are any, and deletes it (with force, stopping its
// tasks) after the spec.
func (p *Provisioner) NewService(ctx context.Context, cluster string,
	taskDefinition *types.TaskDefinition, desired int32, targetGroupARNs ...string) *types.Service {
	name := p.Name("service")
	input := &ecs.CreateServiceInput{
		Cluster:        aws.String(cluster),
		ServiceName:    aws.String(name),
		TaskDefinition: taskDefinition.TaskDefinitionArn,
		DesiredCount:   aws.Int32(desired),
		LaunchType:     types.LaunchTypeEc2,
	}
	for _, arn := range targetGroupARNs {
		input.LoadBalancers = append(input.LoadBalancers, types.LoadBalancer{
			TargetGroupArn: aws.String(arn),
			ContainerName:  aws.String("web"),
			ContainerPort:  aws.Int32(WebPort),
		})
	}
	out, err := p.ECS.CreateService(ctx, input)
	mustSucceed(err, "provision: CreateService %s", name)
	must(out.Service != nil, "provision: CreateService %s answered no service", name)

	logf("service %s created in %s", name, cluster)
	deferCleanup("service "+name, func(ctx context.Context) error {
		_, err := p.ECS.DeleteService(ctx, &ecs.DeleteServiceInput{
			Cluster: aws.String(cluster),
			Service: aws.String(name),
			Force:   aws.Bool(true),
		})
		var gone *types.ServiceNotFoundException
		var inactive *types.ServiceNotActiveException
		if errors.As(err, &gone) || errors.As(err, &inactive) {
			return nil
		}
		return err
	})
	return out.Service
}

// DescribeService returns service name of cluster, which must be found.
func (p *Provisioner) DescribeService(ctx context.Context, cluster, name string) types.Service {
	out, err := p.ECS.DescribeServices(ctx, &ecs.DescribeServicesInput{
		Cluster:  aws.String(cluster),
		Services: []string{name},
	})
	mustSucceed(err, "DescribeServices %s", name)
	must(len(out.Failures) == 0 && len(out.Services) == 1, "DescribeServices %s", name)
	return out.Services[0]
}

// ServiceTasks returns the tasks of service name that want to run, orphaned ones included:
// ListTasks filtered on the service, then DescribeTasks.
func (p *Provisioner) ServiceTasks(ctx context.Context, cluster, name string) []types.Task {
	listed, err := p.ECS.ListTasks(ctx, &ecs.ListTasksInput{
		Cluster:     aws.String(cluster),
		ServiceName: aws.String(name),
	})
	mustSucceed(err, "ListTasks of service %s", name)
	if len(listed.TaskArns) == 0 {
		return nil
	}
	out, err := p.ECS.DescribeTasks(ctx, &ecs.DescribeTasksInput{
		Cluster: aws.String(cluster),
		Tasks:   listed.TaskArns,
	})
	mustSucceed(err, "DescribeTasks of service %s", name)
	return out.Tasks
}
