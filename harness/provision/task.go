package provision

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/onsi/gomega"
)

// Needs of the suite's task definition: small, so that several tasks fit on one instance.
const (
	TaskCPU    = 128
	TaskMemory = 128
)

// NewTaskDefinition registers a small EC2 task definition under a unique family and
// deregisters it after the spec.
func (p *Provisioner) NewTaskDefinition(ctx context.Context) *types.TaskDefinition {
	return p.registerTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{
		Family:                  aws.String(p.Name("family")),
		RequiresCompatibilities: []types.Compatibility{types.CompatibilityEc2},
		ContainerDefinitions: []types.ContainerDefinition{{
			Name:      aws.String("sleeper"),
			Image:     aws.String("busybox:stable"),
			Cpu:       TaskCPU,
			Memory:    aws.Int32(TaskMemory),
			Essential: aws.Bool(true),
			Command:   []string{"sleep", "3600"},
		}},
	})
}

// registerTaskDefinition registers input and deregisters the task definition after the spec.
func (p *Provisioner) registerTaskDefinition(ctx context.Context,
	input *ecs.RegisterTaskDefinitionInput) *types.TaskDefinition {
	family := aws.ToString(input.Family)
	out, err := p.ECS.RegisterTaskDefinition(ctx, input)
	mustSucceed(err, "provision: RegisterTaskDefinition %s", family)
	must(out.TaskDefinition != nil, "provision: RegisterTaskDefinition %s answered no "+
		"taskDefinition", family)

	arn := aws.ToString(out.TaskDefinition.TaskDefinitionArn)
	logf("task definition %s registered", arn)
	deferCleanup("task definition "+arn, func(ctx context.Context) error {
		_, err := p.ECS.DeregisterTaskDefinition(ctx, &ecs.DeregisterTaskDefinitionInput{
			TaskDefinition: aws.String(arn),
		})
		return err
	})
	return out.TaskDefinition
}

// StartTask starts one task of taskDefinition on instance with StartTask and stops it after
// the spec. It returns the task as the endpoint answered: PENDING on an endpoint that waits
// for an agent, as ECS does.
func (p *Provisioner) StartTask(ctx context.Context, instance *Instance,
	taskDefinition *types.TaskDefinition) *types.Task {
	out, err := p.ECS.StartTask(ctx, &ecs.StartTaskInput{
		Cluster:            aws.String(instance.Cluster),
		ContainerInstances: []string{instance.ARN()},
		TaskDefinition:     taskDefinition.TaskDefinitionArn,
		StartedBy:          aws.String("conformance"),
	})
	mustSucceed(err, "provision: StartTask on %s", instance.ARN())
	must(len(out.Failures) == 0, "provision: StartTask on %s failed",
		instance.ARN())
	must(len(out.Tasks) == 1, "provision: StartTask answered no task")

	task := out.Tasks[0]
	arn := aws.ToString(task.TaskArn)
	logf("task %s started on %s (%s)", arn, instance.ARN(), aws.ToString(task.LastStatus))
	deferCleanup("task "+arn, func(ctx context.Context) error {
		_, err := p.ECS.StopTask(ctx, &ecs.StopTaskInput{
			Cluster: aws.String(instance.Cluster),
			Task:    aws.String(arn),
			Reason:  aws.String("conformance spec finished"),
		})
		return err
	})
	return &task
}

// RunningTask starts a task on instance and brings it to RUNNING (see ReportRunning).
func (p *Provisioner) RunningTask(ctx context.Context, instance *Instance,
	taskDefinition *types.TaskDefinition) *types.Task {
	task := p.StartTask(ctx, instance, taskDefinition)
	if aws.ToString(task.LastStatus) == "RUNNING" {
		return task
	}
	return p.ReportRunning(ctx, instance.Cluster, aws.ToString(task.TaskArn))
}

// ReportRunning brings task arn of cluster to RUNNING and returns it. Where the endpoint
// waits for an agent to report the task (as ECS does, and as the reference does), the suite
// plays the agent and reports it RUNNING with SubmitTaskStateChange, the agent's own call;
// an endpoint that runs tasks on its own is waited for.
func (p *Provisioner) ReportRunning(ctx context.Context, cluster, arn string) *types.Task {
	_, err := p.ECS.SubmitTaskStateChange(ctx, &ecs.SubmitTaskStateChangeInput{
		Cluster: aws.String(cluster),
		Task:    aws.String(arn),
		Status:  aws.String("RUNNING"),
		Reason:  aws.String("started by the conformance suite acting as the agent"),
	})
	if err != nil {
		logf("SubmitTaskStateChange RUNNING for %s failed (waiting for the endpoint to run "+
			"it on its own): %v", arn, err)
	}

	var task *types.Task
	gomega.Eventually(ctx, func(g gomega.Gomega) {
		out, err := p.ECS.DescribeTasks(ctx, &ecs.DescribeTasksInput{
			Cluster: aws.String(cluster),
			Tasks:   []string{arn},
		})
		g.Expect(err).NotTo(gomega.HaveOccurred())
		g.Expect(out.Tasks).To(gomega.HaveLen(1))
		g.Expect(out.Tasks[0].LastStatus).To(gomega.HaveValue(gomega.Equal("RUNNING")))
		task = &out.Tasks[0]
	}).WithOffset(1).WithTimeout(10*time.Second).WithPolling(50*time.Millisecond).
		Should(gomega.Succeed(), "provision: task %s never reached RUNNING: the endpoint "+
			"neither runs tasks on its own nor accepts SubmitTaskStateChange", arn)
	return task
}

// RunTask calls RunTask with input and stops, after the spec, every task it answers with. The
// answer is returned unjudged: placement is what specs check.
func (p *Provisioner) RunTask(ctx context.Context, input *ecs.RunTaskInput) (
	*ecs.RunTaskOutput, error) {
	out, err := p.ECS.RunTask(ctx, input)
	if err != nil {
		return nil, err
	}

	for _, task := range out.Tasks {
		arn := aws.ToString(task.TaskArn)
		logf("task %s placed by RunTask on %s", arn, aws.ToString(task.ContainerInstanceArn))
		deferCleanup("task "+arn, func(ctx context.Context) error {
			_, err := p.ECS.StopTask(ctx, &ecs.StopTaskInput{
				Cluster: input.Cluster,
				Task:    aws.String(arn),
				Reason:  aws.String("conformance spec finished"),
			})
			return err
		})
	}
	return out, nil
}
