package provision

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// The readers below fetch state that specs assert on. Each fails the spec when the read itself
// fails: a spec cannot judge state it cannot see.

// DescribeInstance returns the container instance arn of cluster, which must be found.
func (p *Provisioner) DescribeInstance(ctx context.Context,
	cluster, arn string) types.ContainerInstance {
	out, err := p.ECS.DescribeContainerInstances(ctx, &ecs.DescribeContainerInstancesInput{
		Cluster:            aws.String(cluster),
		ContainerInstances: []string{arn},
	})
	mustSucceed(err, "DescribeContainerInstances %s", arn)
	must(len(out.Failures) == 0, "DescribeContainerInstances %s", arn)
	must(len(out.ContainerInstances) == 1, "DescribeContainerInstances %s", arn)
	return out.ContainerInstances[0]
}

// DescribeCluster returns cluster, which must be found.
func (p *Provisioner) DescribeCluster(ctx context.Context, cluster string) types.Cluster {
	out, err := p.ECS.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{cluster}})
	mustSucceed(err, "DescribeClusters %s", cluster)
	must(len(out.Clusters) == 1, "DescribeClusters %s", cluster)
	return out.Clusters[0]
}

// ListInstances returns the ARNs ListContainerInstances gives for cluster, every page, with
// status as the filter (empty: no filter).
func (p *Provisioner) ListInstances(ctx context.Context, cluster string,
	status types.ContainerInstanceStatus) []string {
	input := &ecs.ListContainerInstancesInput{Cluster: aws.String(cluster), Status: status}

	var arns []string
	pages := ecs.NewListContainerInstancesPaginator(p.ECS, input)
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		mustSucceed(err, "ListContainerInstances %s", cluster)
		arns = append(arns, page.ContainerInstanceArns...)
	}
	return arns
}

// DescribeTask returns task arn of cluster, which must be found.
func (p *Provisioner) DescribeTask(ctx context.Context, cluster, arn string) *types.Task {
	out, err := p.ECS.DescribeTasks(ctx, &ecs.DescribeTasksInput{
		Cluster: aws.String(cluster),
		Tasks:   []string{arn},
	})
	mustSucceed(err, "DescribeTasks %s", arn)
	must(len(out.Failures) == 0, "DescribeTasks %s", arn)
	must(len(out.Tasks) == 1, "DescribeTasks %s", arn)
	return &out.Tasks[0]
}

// ListTasks returns the ARNs of cluster's tasks whose desired status is desired, every page.
func (p *Provisioner) ListTasks(ctx context.Context, cluster string,
	desired types.DesiredStatus) []string {
	input := &ecs.ListTasksInput{Cluster: aws.String(cluster), DesiredStatus: desired}

	var arns []string
	pages := ecs.NewListTasksPaginator(p.ECS, input)
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		mustSucceed(err, "ListTasks %s", cluster)
		arns = append(arns, page.TaskArns...)
	}
	return arns
}
