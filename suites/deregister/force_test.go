package deregister_test

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section C: "If you have tasks running on the container instance when you deregister it
// with the force option, these tasks remain running [...] but they're orphaned (no longer
// monitored or accounted for by Amazon ECS)." Without force, an instance with work is
// refused; the page implies the refusal but does not name its error.
var _ = Describe("An instance with tasks", labels.TaskState, func() {
	var (
		cluster  string
		instance *provision.Instance
		taskDef  *types.TaskDefinition
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
		instance = prov.NewInstance(ctx, cluster)
		taskDef = prov.NewTaskDefinition(ctx)
	})

	DescribeTable("is refused without force, and nothing changes",
		func(ctx SpecContext, force *bool, pending bool) {
			var task *types.Task
			if pending {
				task = prov.StartTask(ctx, instance, taskDef)
				if aws.ToString(task.LastStatus) != "PENDING" {
					Skip("this endpoint starts tasks " + aws.ToString(task.LastStatus) +
						" at once, so no task can be held PENDING")
				}
			} else {
				task = prov.RunningTask(ctx, instance, taskDef)
			}
			instanceBefore := state(prov.DescribeInstance(ctx, cluster, instance.ARN()))
			clusterBefore := prov.DescribeCluster(ctx, cluster)

			_, err := deregister(ctx, cluster, instance.ARN(), force)
			Expect(err).To(awserr.BeAPIError(400, "InvalidParameterException", "ClientException"))

			Expect(state(prov.DescribeInstance(ctx, cluster, instance.ARN()))).
				To(Equal(instanceBefore), "the refused call changed the instance")
			Expect(prov.ListInstances(ctx, cluster, "")).To(ContainElement(instance.ARN()))

			after := prov.DescribeTask(ctx, cluster, aws.ToString(task.TaskArn))
			Expect(after.LastStatus).To(Equal(task.LastStatus))
			Expect(after.DesiredStatus).To(HaveValue(Equal("RUNNING")))

			clusterAfter := prov.DescribeCluster(ctx, cluster)
			Expect(clusterAfter.RegisteredContainerInstancesCount).
				To(Equal(clusterBefore.RegisteredContainerInstancesCount))
			Expect(clusterAfter.RunningTasksCount).To(Equal(clusterBefore.RunningTasksCount))
			Expect(clusterAfter.PendingTasksCount).To(Equal(clusterBefore.PendingTasksCount))
		},
		Entry("[C1] a RUNNING task, force omitted: 400 InvalidParameterException or "+
			"ClientException (which one is unconfirmed)", labels.Inferred, nil, false),
		Entry("[C2] a RUNNING task, force: false: as with force omitted", labels.Inferred,
			aws.Bool(false), false),
		Entry("[C6] a PENDING task counts as work just like a RUNNING one", labels.Inferred,
			nil, true),
	)

	Context("deregistered with force: true", func() {
		var task *types.Task

		BeforeEach(func(ctx SpecContext) {
			task = prov.RunningTask(ctx, instance, taskDef)
		})

		forceDeregister := func(ctx SpecContext) *types.ContainerInstance {
			GinkgoHelper()
			answer, err := deregister(ctx, cluster, instance.ARN(), aws.Bool(true))
			Expect(err).NotTo(HaveOccurred())
			return answer
		}

		It("[C3] succeeds, and the instance is INACTIVE", labels.Documented,
			func(ctx SpecContext) {
				answer := forceDeregister(ctx)
				Expect(answer.ContainerInstanceArn).To(HaveValue(Equal(instance.ARN())))
				Expect(answer.Status).To(HaveValue(Equal("INACTIVE")))
				Expect(prov.DescribeInstance(ctx, cluster, instance.ARN()).Status).
					To(HaveValue(Equal("INACTIVE")))
			})

		It("[C4] leaves the orphaned task running: DescribeTasks still finds it, not stopped",
			labels.Documented, func(ctx SpecContext) {
				forceDeregister(ctx)
				orphan := prov.DescribeTask(ctx, cluster, aws.ToString(task.TaskArn))
				Expect(orphan.DesiredStatus).To(HaveValue(Equal("RUNNING")))
				Expect(orphan.LastStatus).To(HaveValue(Equal("RUNNING")))
				Expect(orphan.StoppedAt).To(BeNil())
			})

		It("[C5] drops the cluster's count of registered instances by one and no longer lists "+
			"the instance", labels.Documented, func(ctx SpecContext) {
			before := prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount
			forceDeregister(ctx)
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(Equal(before - 1))
			Expect(prov.ListInstances(ctx, cluster, "")).NotTo(ContainElement(instance.ARN()))
		})
	})
})
