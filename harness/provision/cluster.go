package provision

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// DefaultClusterName is the cluster ECS assumes when a call names none.
const DefaultClusterName = "default"

// NewCluster creates a cluster with a unique name and deletes it after the spec.
func (p *Provisioner) NewCluster(ctx context.Context) *types.Cluster {
	name := p.Name("cluster")
	out, err := p.ECS.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String(name)})
	mustSucceed(err, "provision: CreateCluster %s", name)
	must(out.Cluster != nil, "provision: CreateCluster %s answered no cluster", name)

	logf("cluster %s created", name)
	deferCleanup("cluster "+name, func(ctx context.Context) error {
		return p.deleteCluster(ctx, name)
	})
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

	_, err := p.ECS.CreateCluster(ctx, &ecs.CreateClusterInput{
		ClusterName: aws.String(DefaultClusterName),
	})
	mustSucceed(err, "provision: CreateCluster default")

	logf("cluster default created")
	deferCleanup("cluster default", func(ctx context.Context) error {
		return p.deleteCluster(ctx, DefaultClusterName)
	})
}

func (p *Provisioner) deleteCluster(ctx context.Context, name string) error {
	_, err := p.ECS.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: aws.String(name)})

	var gone *types.ClusterNotFoundException
	if errors.As(err, &gone) {
		return nil // the spec deleted it itself
	}
	return err
}
