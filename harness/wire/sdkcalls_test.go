package wire

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Values of the captured calls: fixed, so that the captures are too.
const (
	cluster  = "conf-cluster"
	instance = "arn:aws:ecs:us-east-1:123456789012:container-instance/conf-cluster/" +
		"0123456789abcdef0123456789abcdef"
	taskARN = "arn:aws:ecs:us-east-1:123456789012:task/conf-cluster/fedcba9876543210fedcba9876543210"
	taskDef = "arn:aws:ecs:us-east-1:123456789012:task-definition/conf-family:1"
)

// suiteCalls are the SDK calls the suite and its provisioning make, one per operation, with
// the members they set.
func suiteCalls() map[string]func(context.Context, *ecs.Client) error {
	return map[string]func(context.Context, *ecs.Client) error{
		"CreateCluster": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String(cluster)})
			return err
		},
		"DeleteCluster": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: aws.String(cluster)})
			return err
		},
		"DescribeClusters": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{cluster}})
			return err
		},
		"ListClusters": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.ListClusters(ctx, &ecs.ListClustersInput{})
			return err
		},
		"RegisterContainerInstance": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.RegisterContainerInstance(ctx, &ecs.RegisterContainerInstanceInput{
				Cluster:                           aws.String(cluster),
				InstanceIdentityDocument:          aws.String(`{"instanceId":"i-0123456789abcdef0"}`),
				InstanceIdentityDocumentSignature: aws.String("c2lnbmF0dXJl"),
				ContainerInstanceArn:              aws.String(instance),
				TotalResources: []types.Resource{{Name: aws.String("CPU"),
					Type: aws.String("INTEGER"), IntegerValue: 1024}},
				VersionInfo: &types.VersionInfo{AgentVersion: aws.String("1.89.0")},
				Attributes: []types.Attribute{{Name: aws.String(
					"com.amazonaws.ecs.capability.privileged-container")}},
			})
			return err
		},
		"DeregisterContainerInstance": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DeregisterContainerInstance(ctx, &ecs.DeregisterContainerInstanceInput{
				Cluster: aws.String(cluster), ContainerInstance: aws.String(instance),
				Force: aws.Bool(true),
			})
			return err
		},
		"DescribeContainerInstances": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DescribeContainerInstances(ctx, &ecs.DescribeContainerInstancesInput{
				Cluster: aws.String(cluster), ContainerInstances: []string{instance},
			})
			return err
		},
		"ListContainerInstances": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.ListContainerInstances(ctx, &ecs.ListContainerInstancesInput{
				Cluster: aws.String(cluster), Status: types.ContainerInstanceStatusDraining,
			})
			return err
		},
		"UpdateContainerInstancesState": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.UpdateContainerInstancesState(ctx,
				&ecs.UpdateContainerInstancesStateInput{Cluster: aws.String(cluster),
					ContainerInstances: []string{instance},
					Status:             types.ContainerInstanceStatusDraining})
			return err
		},
		"RegisterTaskDefinition": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{
				Family:                  aws.String("conf-family"),
				RequiresCompatibilities: []types.Compatibility{types.CompatibilityEc2},
				ContainerDefinitions: []types.ContainerDefinition{{Name: aws.String("sleeper"),
					Image: aws.String("busybox:stable"), Cpu: 128, Memory: aws.Int32(128),
					Essential: aws.Bool(true), Command: []string{"sleep", "3600"}}},
			})
			return err
		},
		"DeregisterTaskDefinition": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DeregisterTaskDefinition(ctx, &ecs.DeregisterTaskDefinitionInput{
				TaskDefinition: aws.String(taskDef)})
			return err
		},
		"StartTask": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.StartTask(ctx, &ecs.StartTaskInput{Cluster: aws.String(cluster),
				ContainerInstances: []string{instance}, TaskDefinition: aws.String(taskDef),
				StartedBy: aws.String("conformance")})
			return err
		},
		"RunTask": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.RunTask(ctx, &ecs.RunTaskInput{Cluster: aws.String(cluster),
				TaskDefinition: aws.String(taskDef), Count: aws.Int32(3)})
			return err
		},
		"SubmitTaskStateChange": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.SubmitTaskStateChange(ctx, &ecs.SubmitTaskStateChangeInput{
				Cluster: aws.String(cluster), Task: aws.String(taskARN),
				Status: aws.String("RUNNING"), Reason: aws.String("agent")})
			return err
		},
		"StopTask": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.StopTask(ctx, &ecs.StopTaskInput{Cluster: aws.String(cluster),
				Task: aws.String(taskARN), Reason: aws.String("done")})
			return err
		},
		"DescribeTasks": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.DescribeTasks(ctx, &ecs.DescribeTasksInput{Cluster: aws.String(cluster),
				Tasks: []string{taskARN}})
			return err
		},
		"ListTasks": func(ctx context.Context, c *ecs.Client) error {
			_, err := c.ListTasks(ctx, &ecs.ListTasksInput{Cluster: aws.String(cluster),
				DesiredStatus: types.DesiredStatusStopped})
			return err
		},
	}
}
