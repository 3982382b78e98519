package deregister_test

import (
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section H, beyond the page: concurrent callers must see the same bookkeeping as serial ones.
var _ = Describe("Concurrent deregistrations", func() {
	const callers = 8

	var cluster string

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
	})

	It("[H1] of different instances all succeed, and the count drops by exactly their number",
		labels.Inferred, func(ctx SpecContext) {
			survivor := prov.NewInstance(ctx, cluster)
			instances := make([]*provision.Instance, callers)
			for i := range instances {
				instances[i] = prov.NewInstance(ctx, cluster)
			}

			answers := make([]*types.ContainerInstance, callers)
			errs := make([]error, callers)
			var wg sync.WaitGroup
			for i, instance := range instances {
				wg.Go(func() { answers[i], errs[i] = deregister(ctx, cluster, instance.ARN(), nil) })
			}
			wg.Wait()

			for i, instance := range instances {
				Expect(errs[i]).NotTo(HaveOccurred(), "deregistering %s", instance.ARN())
				Expect(answers[i].Status).To(HaveValue(Equal("INACTIVE")))
				Expect(prov.DescribeInstance(ctx, cluster, instance.ARN()).Status).
					To(HaveValue(Equal("INACTIVE")))
			}
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(1))
			Expect(prov.ListInstances(ctx, cluster, "")).To(ConsistOf(survivor.ARN()))
		})

	It("[H2] of one instance by several callers never answer 5xx, at least one succeeds, and "+
		"the count drops by exactly one (the losers' exact answer is unconfirmed)",
		labels.Inferred, func(ctx SpecContext) {
			prov.NewInstance(ctx, cluster)
			instance := prov.NewInstance(ctx, cluster)

			errs := make([]error, callers)
			var wg sync.WaitGroup
			for i := range errs {
				wg.Go(func() { _, errs[i] = deregister(ctx, cluster, instance.ARN(), nil) })
			}
			wg.Wait()

			succeeded := 0
			for _, err := range errs {
				if err == nil {
					succeeded++
					continue
				}
				Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
			}
			Expect(succeeded).To(BeNumerically(">=", 1))
			Expect(prov.DescribeInstance(ctx, cluster, instance.ARN()).Status).
				To(HaveValue(Equal("INACTIVE")))
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(1))
		})
})
