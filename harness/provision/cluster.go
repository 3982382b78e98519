package provision

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// DefaultClusterName is the cluster ECS assumes when a call names none.
const DefaultClusterName = "default"

// NewCluster creates a cluster with a unique name and deletes it after the spec.
func (p *Provisioner) NewCluster(ctx context.Context) *types.Cluster {
	name := p.Name("cluster")
	// The cleanup comes before the call: an interrupt can cancel the call after the endpoint
	// made the cluster, and deleting a cluster that was never made is harmless.
	deferCleanup("cluster "+name, func(ctx context.Context) error {
		return p.deleteCluster(ctx, name)
	})
	out, err := p.ECS.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String(name)})
	mustSucceed(err, "provision: CreateCluster %s", name)
	must(out.Cluster != nil, "provision: CreateCluster %s answered no cluster", name)

	logf("cluster %s created", name)
	return out.Cluster
}

// HasDefaultCluster tells whether the endpoint has an ACTIVE cluster named "default".
func (p *Provisioner) HasDefaultCluster(ctx context.Context) bool {
	out, err := p.ECS.DescribeClusters(ctx, &ecs.DescribeClustersInput{
		Clusters: []string{DefaultClusterName},
	})
	mustSucceed(err, "provision: DescribeClusters default")
	for _, c := range out.Clusters {
		if aws.ToString(c.Status) == "ACTIVE" {
			return true
		}
	}
	return false
}

// EnsureDefaultCluster makes sure the "default" cluster exists. Only when this call created
// it is it deleted after the spec: a default cluster the endpoint already had is left alone.
// Specs that use it must be Serial, since "default" is shared by every process.
func (p *Provisioner) EnsureDefaultCluster(ctx context.Context) {
	if p.HasDefaultCluster(ctx) {
		return
	}

	// As in NewCluster, the cleanup comes before the call that an interrupt may cancel.
	deferCleanup("cluster default", func(ctx context.Context) error {
		return p.deleteCluster(ctx, DefaultClusterName)
	})
	_, err := p.ECS.CreateCluster(ctx, &ecs.CreateClusterInput{
		ClusterName: aws.String(DefaultClusterName),
	})
	mustSucceed(err, "provision: CreateCluster default")
	logf("cluster default created")
}

// deleteCluster deletes a cluster, after deregistering (with force) any instance still in
// it. The instances a spec registered are retired by their own cleanup, which runs first; one
// found here was registered by a call whose answer the spec never saw, because an interrupt
// cancelled it, and would otherwise keep the cluster alive.
func (p *Provisioner) deleteCluster(ctx context.Context, name string) error {
	_, err := p.ECS.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: aws.String(name)})

	var busy *types.ClusterContainsContainerInstancesException
	if errors.As(err, &busy) {
		if err := p.retireAll(ctx, name); err != nil {
			return err
		}
		_, err = p.ECS.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: aws.String(name)})
	}

	var gone *types.ClusterNotFoundException
	if errors.As(err, &gone) {
		return nil // the spec deleted it itself, or never got to make it
	}
	return err
}

// retireAll deregisters, with force, every ACTIVE or DRAINING instance of a cluster.
func (p *Provisioner) retireAll(ctx context.Context, cluster string) error {
	pages := ecs.NewListContainerInstancesPaginator(p.ECS, &ecs.ListContainerInstancesInput{
		Cluster: aws.String(cluster)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("ListContainerInstances: %w", err)
		}
		for _, arn := range page.ContainerInstanceArns {
			_, err := p.ECS.DeregisterContainerInstance(ctx,
				&ecs.DeregisterContainerInstanceInput{Cluster: aws.String(cluster),
					ContainerInstance: aws.String(arn), Force: aws.Bool(true)})
			if err != nil {
				return fmt.Errorf("DeregisterContainerInstance %s: %w", arn, err)
			}
			logf("instance %s of cluster %s retired with it", arn, cluster)
		}
	}
	return nil
}
