package deregister_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// deregister calls DeregisterContainerInstance through the SDK. An empty cluster is left out
// of the request, as a caller relying on the default cluster would; force nil leaves it out.
func deregister(ctx context.Context, cluster, instance string, force *bool) (
	*types.ContainerInstance, error) {
	input := &ecs.DeregisterContainerInstanceInput{
		ContainerInstance: aws.String(instance),
		Force:             force,
	}
	if cluster != "" {
		input.Cluster = aws.String(cluster)
	}

	out, err := client.DeregisterContainerInstance(ctx, input)
	if err != nil {
		return nil, err
	}
	return out.ContainerInstance, nil
}

// facts is what a container instance's registration fixed: it must read the same before and
// after deregistration.
func facts(ci *types.ContainerInstance) string {
	resources := make([]string, 0, len(ci.RegisteredResources))
	for _, r := range ci.RegisteredResources {
		set := slices.Clone(r.StringSetValue)
		slices.Sort(set)
		resources = append(resources, fmt.Sprintf("%s/%s int=%d long=%d double=%g set=%v",
			aws.ToString(r.Name), aws.ToString(r.Type), r.IntegerValue, r.LongValue,
			r.DoubleValue, set))
	}
	slices.Sort(resources)
	return fmt.Sprintf("ec2InstanceId=%s resources=[%s]", aws.ToString(ci.Ec2InstanceId),
		strings.Join(resources, "; "))
}

// state is what may change about a container instance over its life: a spec that must leave
// an instance alone compares it before and after.
func state(ci types.ContainerInstance) string {
	return fmt.Sprintf("status=%s version=%d running=%d pending=%d agentConnected=%t",
		aws.ToString(ci.Status), ci.Version, ci.RunningTasksCount, ci.PendingTasksCount,
		ci.AgentConnected)
}

// unknownInstanceID returns an ID in the form ECS gives container instances (32 hex digits)
// that no endpoint has handed out.
func unknownInstanceID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
