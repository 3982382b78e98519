package deregister_test

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section B: "This instance is no longer available to run tasks." Each spec deregisters one
// instance of a fresh cluster, then looks at the cluster from another angle.
var _ = Describe("After deregistration", func() {
	var (
		cluster string
		gone    *provision.Instance
		kept    *provision.Instance
		taskDef *types.TaskDefinition
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
		gone = prov.NewInstance(ctx, cluster)
		kept = prov.NewInstance(ctx, cluster)
		taskDef = prov.NewTaskDefinition(ctx)
	})

	deregisterGone := func(ctx SpecContext) {
		GinkgoHelper()
		_, err := deregister(ctx, cluster, gone.ARN(), nil)
		Expect(err).NotTo(HaveOccurred(), "deregistering %s", gone.ARN())
	}

	It("[B1] ListContainerInstances without a filter no longer lists it, and still lists "+
		"the others", labels.Documented, func(ctx SpecContext) {
		deregisterGone(ctx)
		Expect(prov.ListInstances(ctx, cluster, "")).To(ConsistOf(kept.ARN()))
	})

	It("[B2] ListContainerInstances filtered on ACTIVE or on DRAINING omits it, whichever "+
		"status it had", labels.Documented, func(ctx SpecContext) {
		drainingGone := prov.NewInstance(ctx, cluster)
		drainingKept := prov.NewInstance(ctx, cluster)
		_, err := client.UpdateContainerInstancesState(ctx, &ecs.UpdateContainerInstancesStateInput{
			Cluster:            aws.String(cluster),
			ContainerInstances: []string{drainingGone.ARN(), drainingKept.ARN()},
			Status:             types.ContainerInstanceStatusDraining,
		})
		Expect(err).NotTo(HaveOccurred())

		deregisterGone(ctx)
		_, err = deregister(ctx, cluster, drainingGone.ARN(), nil)
		Expect(err).NotTo(HaveOccurred())

		Expect(prov.ListInstances(ctx, cluster, types.ContainerInstanceStatusActive)).
			To(ConsistOf(kept.ARN()))
		Expect(prov.ListInstances(ctx, cluster, types.ContainerInstanceStatusDraining)).
			To(ConsistOf(drainingKept.ARN()))
	})

	It("[B3] DescribeContainerInstances still returns it, INACTIVE, not as a MISSING failure",
		labels.Documented, func(ctx SpecContext) {
			deregisterGone(ctx)
			described := prov.DescribeInstance(ctx, cluster, gone.ARN())
			Expect(described.Status).To(HaveValue(Equal("INACTIVE")))
			Expect(described.ContainerInstanceArn).To(HaveValue(Equal(gone.ARN())))
		})

	It("[B4] DescribeClusters counts one registered container instance fewer",
		labels.Documented, func(ctx SpecContext) {
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(2))
			deregisterGone(ctx)
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(1))
		})

	It("[B5] StartTask onto it answers a failure with reason INACTIVE and creates no task",
		labels.Documented, func(ctx SpecContext) {
			deregisterGone(ctx)

			out, err := client.StartTask(ctx, &ecs.StartTaskInput{
				Cluster:            aws.String(cluster),
				ContainerInstances: []string{gone.ARN()},
				TaskDefinition:     taskDef.TaskDefinitionArn,
			})
			Expect(err).NotTo(HaveOccurred())
			Expect(out.Tasks).To(BeEmpty())
			Expect(out.Failures).To(ConsistOf(And(
				HaveField("Arn", HaveValue(Equal(gone.ARN()))),
				HaveField("Reason", HaveValue(Equal("INACTIVE"))),
			)))
			Expect(prov.ListTasks(ctx, cluster, types.DesiredStatusRunning)).To(BeEmpty())
		})

	It("[B6] RunTask in a cluster left with no instance answers InvalidParameterException "+
		"(\"No Container Instances were found in your cluster.\")", labels.Observed,
		func(ctx SpecContext) {
			deregisterGone(ctx)
			_, err := deregister(ctx, cluster, kept.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())

			_, err = prov.RunTask(ctx, &ecs.RunTaskInput{
				Cluster:        aws.String(cluster),
				TaskDefinition: taskDef.TaskDefinitionArn,
			})
			Expect(err).To(awserr.BeAPIError(400, "InvalidParameterException"))
			Expect(err.Error()).To(MatchRegexp(`(?i)no container instances`))
			Expect(prov.ListTasks(ctx, cluster, types.DesiredStatusRunning)).To(BeEmpty())
		})

	It("[B7] RunTask places tasks only on the instances still ACTIVE", labels.Documented,
		func(ctx SpecContext) {
			deregisterGone(ctx)

			out, err := prov.RunTask(ctx, &ecs.RunTaskInput{
				Cluster:        aws.String(cluster),
				TaskDefinition: taskDef.TaskDefinitionArn,
				Count:          aws.Int32(3),
			})
			Expect(err).NotTo(HaveOccurred())
			Expect(out.Failures).To(BeEmpty())
			Expect(out.Tasks).To(HaveLen(3))
			for _, task := range out.Tasks {
				Expect(task.ContainerInstanceArn).To(HaveValue(Equal(kept.ARN())))
			}
		})

	It("[B8] RegisterContainerInstance naming its ARN answers ClientException (\"... is "+
		"inactive\") and it stays INACTIVE", labels.Observed, func(ctx SpecContext) {
		deregisterGone(ctx)

		_, err := prov.Reregister(ctx, gone)
		Expect(err).To(awserr.BeAPIError(400, "ClientException"))
		Expect(err.Error()).To(MatchRegexp(`(?i)inactive`))
		Expect(prov.DescribeInstance(ctx, cluster, gone.ARN()).Status).
			To(HaveValue(Equal("INACTIVE")))
	})

	It("[B9] UpdateContainerInstancesState cannot bring it back: a failure or an error, and "+
		"it stays INACTIVE", labels.Documented, func(ctx SpecContext) {
		deregisterGone(ctx)

		for _, status := range []types.ContainerInstanceStatus{
			types.ContainerInstanceStatusActive, types.ContainerInstanceStatusDraining,
		} {
			out, err := client.UpdateContainerInstancesState(ctx,
				&ecs.UpdateContainerInstancesStateInput{
					Cluster:            aws.String(cluster),
					ContainerInstances: []string{gone.ARN()},
					Status:             status,
				})
			if err != nil {
				Expect(err).To(awserr.BeAPIError(400, "ClientException",
					"InvalidParameterException"), "setting %s", status)
			} else {
				Expect(out.Failures).NotTo(BeEmpty(), "setting %s succeeded", status)
			}
			Expect(prov.DescribeInstance(ctx, cluster, gone.ARN()).Status).
				To(HaveValue(Equal("INACTIVE")), "after setting %s", status)
		}
	})

	It("[B11] deregistering it again never answers 5xx: either 200 with it INACTIVE, or 400 "+
		"ClientException or InvalidParameterException (which one is unconfirmed), and the "+
		"count drops only once", labels.Inferred, func(ctx SpecContext) {
		deregisterGone(ctx)

		again, err := deregister(ctx, cluster, gone.ARN(), nil)
		if err != nil {
			Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
		} else {
			Expect(again.Status).To(HaveValue(Equal("INACTIVE")))
		}
		Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
			To(BeEquivalentTo(1))
	})
})

// Section B, deleting the cluster: a cluster cannot be deleted while it has instances that
// are active or draining, and can once they are deregistered.
var _ = Describe("Deleting the cluster", func() {
	It("[B10] is refused with ClusterContainsContainerInstancesException while an ACTIVE or "+
		"DRAINING instance remains, and succeeds once all are deregistered",
		labels.Documented, func(ctx SpecContext) {
			cluster := aws.ToString(prov.NewCluster(ctx).ClusterName)
			active := prov.NewInstance(ctx, cluster)
			draining := prov.NewInstance(ctx, cluster)
			_, err := client.UpdateContainerInstancesState(ctx,
				&ecs.UpdateContainerInstancesStateInput{
					Cluster:            aws.String(cluster),
					ContainerInstances: []string{draining.ARN()},
					Status:             types.ContainerInstanceStatusDraining,
				})
			Expect(err).NotTo(HaveOccurred())

			deleteCluster := func() error {
				_, err := client.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: aws.String(cluster)})
				return err
			}

			Expect(deleteCluster()).To(awserr.BeAPIError(400,
				"ClusterContainsContainerInstancesException"), "with ACTIVE and DRAINING instances")

			_, err = deregister(ctx, cluster, active.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())
			Expect(deleteCluster()).To(awserr.BeAPIError(400,
				"ClusterContainsContainerInstancesException"), "with a DRAINING instance")

			_, err = deregister(ctx, cluster, draining.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())
			Expect(deleteCluster()).To(Succeed(), "with every instance deregistered")
		})
})
