package deregister_test

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// How long the specs of section D wait for the scheduler and for a target to drain. An
// emulator acts within milliseconds; the bounds only keep a broken one from hanging the run.
const (
	schedulerWait = 5 * time.Second
	quietPeriod   = time.Second
	polling       = 50 * time.Millisecond

	// drainDelay is the deregistration delay of the specs' target groups: long enough to
	// see a target draining, short enough to see it gone.
	drainDelay = 2 * time.Second
)

// Section D: "If an orphaned task on your container instance is part of an Amazon ECS
// service, then the service scheduler starts another copy of that task, on a different
// container instance if possible." Each spec runs a service of one task on instance X alone,
// brings the task to RUNNING (playing the agent), then force-deregisters X. The scheduler's
// tasks start PENDING on an endpoint that waits for an agent, as ECS does; the specs report
// a copy RUNNING themselves where they need it running.
var _ = Describe("A service task orphaned by force", labels.Services, labels.TaskState, func() {
	var (
		cluster string
		x       *provision.Instance
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
		x = prov.NewInstance(ctx, cluster)
	})

	// startService creates a service of one task, waits for the scheduler to place it (on
	// X, the only instance so far) and reports it RUNNING. It returns the service's name
	// and its task, the one that will be orphaned.
	startService := func(ctx context.Context, taskDef *types.TaskDefinition,
		targetGroups ...string) (string, *types.Task) {
		GinkgoHelper()
		name := aws.ToString(prov.NewService(ctx, cluster, taskDef, 1, targetGroups...).ServiceName)
		var placed []types.Task
		Eventually(ctx, func() []types.Task {
			placed = prov.ServiceTasks(ctx, cluster, name)
			return placed
		}).WithTimeout(schedulerWait).WithPolling(polling).Should(HaveLen(1),
			"the scheduler never placed the service's task")
		Expect(placed[0].ContainerInstanceArn).To(HaveValue(Equal(x.ARN())))
		return name, prov.ReportRunning(ctx, cluster, aws.ToString(placed[0].TaskArn))
	}

	forceDeregisterX := func(ctx context.Context) {
		GinkgoHelper()
		_, err := deregister(ctx, cluster, x.ARN(), aws.Bool(true))
		Expect(err).NotTo(HaveOccurred())
	}

	// copyOf waits for the scheduler's copy of the orphan: a task of the service that is
	// not the orphan.
	copyOf := func(ctx context.Context, service string, orphan *types.Task) types.Task {
		GinkgoHelper()
		var copies []types.Task
		Eventually(ctx, func() []types.Task {
			copies = othersThan(prov.ServiceTasks(ctx, cluster, service), orphan)
			return copies
		}).WithTimeout(schedulerWait).WithPolling(polling).Should(HaveLen(1),
			"the scheduler started no copy of the orphaned task")
		return copies[0]
	}

	It("[D1] gets a copy started on another ACTIVE instance with room, and the service is "+
		"back at its desired count", labels.Documented, func(ctx SpecContext) {
		name, orphan := startService(ctx, prov.NewTaskDefinition(ctx))
		y := prov.NewInstance(ctx, cluster)

		forceDeregisterX(ctx)
		replacement := copyOf(ctx, name, orphan)
		Expect(replacement.ContainerInstanceArn).To(HaveValue(Equal(y.ARN())),
			"the copy must run on the other instance")

		prov.ReportRunning(ctx, cluster, aws.ToString(replacement.TaskArn))
		Eventually(ctx, func() int32 {
			return prov.DescribeService(ctx, cluster, name).RunningCount
		}).WithTimeout(schedulerWait).WithPolling(polling).Should(BeEquivalentTo(1),
			"runningCount must return to the desired count of 1")
	})

	It("[D2] with no other instance with room, never gets a copy on the deregistered "+
		"instance, and the service reports the shortfall in its events", labels.Documented,
		func(ctx SpecContext) {
			// Each task takes most of an instance, so Y, running one, has no room left.
			big := prov.NewWebTaskDefinition(ctx, provision.InstanceCPU*3/5)
			name, orphan := startService(ctx, big)
			y := prov.NewInstance(ctx, cluster)
			prov.RunningTask(ctx, y, big)
			eventsBefore := len(prov.DescribeService(ctx, cluster, name).Events)

			forceDeregisterX(ctx)
			Eventually(ctx, func() int {
				return len(prov.DescribeService(ctx, cluster, name).Events)
			}).WithTimeout(schedulerWait).WithPolling(polling).
				Should(BeNumerically(">", eventsBefore),
					"the service posted no event about the task it could not place")
			Consistently(ctx, func() []types.Task {
				return othersThan(prov.ServiceTasks(ctx, cluster, name), orphan)
			}).WithTimeout(quietPeriod).WithPolling(polling).
				ShouldNot(ContainElement(HaveField("ContainerInstanceArn",
					HaveValue(Equal(x.ARN())))), "a copy was placed on the deregistered instance")
		})

	// "Any containers in orphaned service tasks that are registered with [...] an
	// Application Load Balancer target group are deregistered. They begin connection
	// draining according to the settings on the load balancer or target group."
	Context("behind a load balancer target group", labels.LoadBalancing, func() {
		var (
			group    string
			service  string
			orphan   *types.Task
			y        *provision.Instance
			xTargets = func(ctx context.Context) []elbtypes.TargetHealthDescription {
				return targetsOf(prov.TargetHealth(ctx, group), x)
			}
		)

		BeforeEach(func(ctx SpecContext) {
			group = aws.ToString(prov.NewTargetGroup(ctx, drainDelay).TargetGroupArn)
			service, orphan = startService(ctx, prov.NewWebTaskDefinition(ctx, provision.TaskCPU),
				group)
			Eventually(ctx, xTargets).WithTimeout(schedulerWait).WithPolling(polling).
				Should(ContainElement(inState("healthy", "initial", "unused")),
					"the running service task's container was never registered in the "+
						"target group")
			y = prov.NewInstance(ctx, cluster)
			forceDeregisterX(ctx)
		})

		It("[D3a] deregisters the orphaned task's target, which drains and is gone after "+
			"the target group's deregistration delay", labels.Documented, func(ctx SpecContext) {
			Eventually(ctx, xTargets).WithTimeout(schedulerWait).WithPolling(polling).
				Should(ConsistOf(inState("draining")),
					"the orphaned task's target did not start draining")
			Eventually(ctx, xTargets).WithTimeout(drainDelay+schedulerWait).WithPolling(polling).
				Should(BeEmpty(), "the target was still there after the deregistration delay")
		})

		It("[D3b] registers the copy's container in the target group", labels.Documented,
			func(ctx SpecContext) {
				replacement := copyOf(ctx, service, orphan)
				prov.ReportRunning(ctx, cluster, aws.ToString(replacement.TaskArn))
				Eventually(ctx, func() []elbtypes.TargetHealthDescription {
					return targetsOf(prov.TargetHealth(ctx, group), y)
				}).WithTimeout(schedulerWait).WithPolling(polling).
					Should(ContainElement(inState("healthy", "initial", "unused")),
						"the copy's container was never registered in the target group")
			})
	})
})

// targetsOf returns the targets on the EC2 instance of container instance i.
func targetsOf(targets []elbtypes.TargetHealthDescription,
	i *provision.Instance) []elbtypes.TargetHealthDescription {
	var on []elbtypes.TargetHealthDescription
	for _, t := range targets {
		mine := t.Target != nil &&
			aws.ToString(t.Target.Id) == aws.ToString(i.Registered.Ec2InstanceId)
		if mine {
			on = append(on, t)
		}
	}
	return on
}

// inState matches a target whose health is one of states. Without health checks a target
// may stay initial or unused, which still means registered.
func inState(states ...string) OmegaMatcher {
	var allowed []any
	for _, state := range states {
		allowed = append(allowed, elbtypes.TargetHealthStateEnum(state))
	}
	return HaveField("TargetHealth.State", BeElementOf(allowed...))
}

// othersThan returns the tasks that are not task.
func othersThan(tasks []types.Task, task *types.Task) []types.Task {
	var others []types.Task
	for _, t := range tasks {
		if aws.ToString(t.TaskArn) != aws.ToString(task.TaskArn) {
			others = append(others, t)
		}
	}
	return others
}
