package deregister_test

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/fault"
	"github.com/ecs-conformance/deregister/harness/labels"
)

// Section F, ServerException: "These errors are usually caused by a server issue." No
// well-behaved endpoint fails on request, so a proxy in front of the endpoint under test
// (whichever it is) answers the first attempt with a ServerException; what follows the
// failure, the retry reaching the endpoint, is the endpoint's to get right.
var _ = Describe("Behind a proxy that fails a request with ServerException", func() {
	It("[F9] the SDK surfaces *types.ServerException with HTTP 500, and its standard "+
		"retryer's next attempt deregisters the instance exactly once", labels.Documented,
		func(ctx SpecContext) {
			cluster := aws.ToString(prov.NewCluster(ctx).ClusterName)
			prov.NewInstance(ctx, cluster)
			instance := prov.NewInstance(ctx, cluster)

			proxy, err := fault.Start(settings.URL)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(proxy.Close)
			through := settings.Endpoint
			through.URL = proxy.URL
			input := &ecs.DeregisterContainerInstanceInput{
				Cluster:           aws.String(cluster),
				ContainerInstance: aws.String(instance.ARN()),
			}

			By("failing the only attempt of a client without retries")
			proxy.Inject(fault.Rule{Operation: "DeregisterContainerInstance",
				Kind: fault.ServerError, Times: 1})
			_, err = awsclient.NewECS(through).DeregisterContainerInstance(ctx, input)
			Expect(err).To(awserr.BeAPIError(500, "ServerException"))

			By("failing the first attempt of a client with the SDK's standard retryer")
			proxy.Inject(fault.Rule{Operation: "DeregisterContainerInstance",
				Kind: fault.ServerError, Times: 1})
			retrying := awsclient.NewECS(through, func(o *ecs.Options) {
				o.Retryer = retry.NewStandard(func(s *retry.StandardOptions) {
					s.MaxBackoff = 50 * time.Millisecond // the default waits up to 20s
				})
			})
			out, err := retrying.DeregisterContainerInstance(ctx, input)
			Expect(err).NotTo(HaveOccurred())
			Expect(proxy.Seen("DeregisterContainerInstance")).To(Equal(3),
				"one failed attempt without retries, then one failed and one retried")

			Expect(out.ContainerInstance.Status).To(HaveValue(Equal("INACTIVE")))
			Expect(prov.DescribeInstance(ctx, cluster, instance.ARN()).Status).
				To(HaveValue(Equal("INACTIVE")))
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(1))
		})
})
