package deregister_test

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section E: "Deregistering a container instance removes the instance from a cluster, but it
// doesn't terminate the EC2 instance." and the page's note: "If you terminate a running
// container instance, Amazon ECS automatically deregisters the instance from your cluster
// (stopped container instances or instances with disconnected agents aren't automatically
// deregistered when terminated)." Each spec launches an EC2 instance on the endpoint and
// registers a container instance on it.
//
// Shortcoming: ECS deregisters a terminated instance within a few minutes; the suite waits
// a few seconds for it (emulators act at once), and watches for one second that an instance
// which must stay registered does.
var _ = Describe("The EC2 instance behind a container instance", labels.EC2, func() {
	var (
		cluster  string
		instance *provision.Instance
		ec2ID    string
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
		instance = prov.NewInstanceOnEC2(ctx, cluster)
		ec2ID = instance.Identity.EC2InstanceID
	})

	terminate := func(ctx context.Context) {
		GinkgoHelper()
		_, err := prov.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{
			InstanceIds: []string{ec2ID},
		})
		Expect(err).NotTo(HaveOccurred())
	}

	agentConnected := func(ctx context.Context) bool {
		return prov.DescribeInstance(ctx, cluster, instance.ARN()).AgentConnected
	}

	// staysRegistered checks, for a while, that the container instance is still ACTIVE and
	// listed.
	staysRegistered := func(ctx context.Context) {
		GinkgoHelper()
		Consistently(ctx, func(g Gomega) {
			described := prov.DescribeInstance(ctx, cluster, instance.ARN())
			g.Expect(described.Status).To(HaveValue(Equal("ACTIVE")))
			g.Expect(prov.ListInstances(ctx, cluster, "")).To(ContainElement(instance.ARN()))
		}).WithTimeout(quietPeriod).WithPolling(polling).Should(Succeed(),
			"the container instance was deregistered when its EC2 instance was terminated")
	}

	It("[E1] keeps running when the container instance is deregistered: DescribeInstances "+
		"still says running", labels.Documented, func(ctx SpecContext) {
		_, err := deregister(ctx, cluster, instance.ARN(), nil)
		Expect(err).NotTo(HaveOccurred())
		Consistently(ctx, func() ec2types.InstanceStateName {
			return prov.EC2State(ctx, ec2ID)
		}).WithTimeout(quietPeriod).WithPolling(polling).
			Should(Equal(ec2types.InstanceStateNameRunning))
	})

	It("[E2] terminated while running, deregisters the container instance automatically: "+
		"INACTIVE and no longer listed", labels.Documented, func(ctx SpecContext) {
		terminate(ctx)
		Eventually(ctx, func() *string {
			return prov.DescribeInstance(ctx, cluster, instance.ARN()).Status
		}).WithTimeout(schedulerWait).WithPolling(polling).Should(HaveValue(Equal("INACTIVE")))
		Expect(prov.ListInstances(ctx, cluster, "")).NotTo(ContainElement(instance.ARN()))
	})

	It("[E3] terminated once stopped, leaves the container instance registered, its agent "+
		"disconnected", labels.Documented, func(ctx SpecContext) {
		prov.StopEC2(ctx, ec2ID)
		Eventually(ctx, agentConnected).WithTimeout(schedulerWait).WithPolling(polling).
			Should(BeFalse(), "the agent of a stopped EC2 instance must show disconnected")

		terminate(ctx)
		staysRegistered(ctx)
		Expect(agentConnected(ctx)).To(BeFalse())
	})

	It("[E4] terminated while the agent is disconnected, leaves the container instance "+
		"registered", labels.Documented, labels.AgentControl, func(ctx SpecContext) {
		prov.DisconnectAgent(ctx, instance)
		Eventually(ctx, agentConnected).WithTimeout(schedulerWait).WithPolling(polling).
			Should(BeFalse(), "the agent control did not disconnect the agent")

		terminate(ctx)
		staysRegistered(ctx)
	})
})
