package deregister_test

import (
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section A: "Deregisters an Amazon ECS container instance from the specified cluster."
var _ = Describe("Deregistering an idle container instance", func() {
	var (
		cluster  *types.Cluster
		instance *provision.Instance
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = prov.NewCluster(ctx)
		instance = prov.NewInstance(ctx, aws.ToString(cluster.ClusterName))
	})

	// expectDeregistered checks the answer of a successful deregistration of instance.
	expectDeregistered := func(answer *types.ContainerInstance) {
		GinkgoHelper()
		Expect(answer).NotTo(BeNil(), "the answer has no containerInstance")
		Expect(answer.ContainerInstanceArn).To(HaveValue(Equal(instance.ARN())))
		Expect(answer.Status).To(HaveValue(Equal("INACTIVE")))
		Expect(facts(answer)).To(Equal(facts(instance.Registered)),
			"the registered facts changed")
	}

	It("[A1] deregisters an instance named by full ARN from the cluster named by short name: "+
		"the answer is that instance, INACTIVE, its registered facts unchanged",
		labels.Documented, func(ctx SpecContext) {
			answer, err := deregister(ctx, aws.ToString(cluster.ClusterName), instance.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())
			expectDeregistered(answer)
		})

	It("[A2] accepts the container instance ID (the last segment of its ARN) in place of "+
		"the full ARN", labels.Documented, func(ctx SpecContext) {
		answer, err := deregister(ctx, aws.ToString(cluster.ClusterName), instance.ID(), nil)
		Expect(err).NotTo(HaveOccurred())
		expectDeregistered(answer)
	})

	It("[A3] accepts the cluster's full ARN in place of its short name", labels.Documented,
		func(ctx SpecContext) {
			answer, err := deregister(ctx, aws.ToString(cluster.ClusterArn), instance.ID(), nil)
			Expect(err).NotTo(HaveOccurred())
			expectDeregistered(answer)
		})

	It("[A7a] deregisters an idle instance with force: true", labels.Documented,
		func(ctx SpecContext) {
			answer, err := deregister(ctx, aws.ToString(cluster.ClusterName), instance.ARN(),
				aws.Bool(true))
			Expect(err).NotTo(HaveOccurred())
			expectDeregistered(answer)
		})

	It("[A7b] treats force: false and an omitted force alike on an idle instance",
		labels.Documented, func(ctx SpecContext) {
			name := aws.ToString(cluster.ClusterName)
			other := prov.NewInstance(ctx, name)

			withFalse, err := deregister(ctx, name, instance.ARN(), aws.Bool(false))
			Expect(err).NotTo(HaveOccurred(), "force: false")
			expectDeregistered(withFalse)

			omitted, err := deregister(ctx, name, other.ARN(), nil)
			Expect(err).NotTo(HaveOccurred(), "force omitted")
			Expect(omitted.Status).To(Equal(withFalse.Status))
			Expect(omitted.RunningTasksCount).To(Equal(withFalse.RunningTasksCount))
		})

	It("[A8] answers with the members of the documented Response Syntax, each of its JSON "+
		"type", labels.Documented, func(ctx SpecContext) {
		body, err := json.Marshal(map[string]any{
			"cluster":           aws.ToString(cluster.ClusterName),
			"containerInstance": instance.ARN(),
		})
		Expect(err).NotTo(HaveOccurred())

		answer, err := raw.Call(ctx, "DeregisterContainerInstance", body)
		Expect(err).NotTo(HaveOccurred())
		Expect(answer.Status).To(Equal(200), "answer: %s", answer.Body)

		var decoded struct {
			ContainerInstance map[string]any `json:"containerInstance"`
		}
		Expect(json.Unmarshal(answer.Body, &decoded)).To(Succeed(), "answer: %s", answer.Body)
		ci := decoded.ContainerInstance
		Expect(ci).NotTo(BeNil(), "no containerInstance object in %s", answer.Body)

		for member, want := range map[string]any{
			"containerInstanceArn": "", "ec2InstanceId": "", "status": "",
			"agentConnected": false, "registeredAt": 0.0, "version": 0.0,
			"runningTasksCount": 0.0, "pendingTasksCount": 0.0,
			"registeredResources": []any{}, "remainingResources": []any{},
			"attributes": []any{}, "versionInfo": map[string]any{},
		} {
			Expect(ci).To(HaveKeyWithValue(member, BeAssignableToTypeOf(want)),
				"member %q missing or of the wrong JSON type", member)
		}

		for _, list := range []string{"registeredResources", "remainingResources"} {
			for _, r := range ci[list].([]any) {
				Expect(r).To(And(
					HaveKeyWithValue("name", BeAssignableToTypeOf("")),
					HaveKeyWithValue("type", BeAssignableToTypeOf("")),
				), "an entry of %s is not a {name, type, ...} object", list)
			}
		}
	})

	It("[A9] deregisters a DRAINING instance, which ends INACTIVE (success is inferred)",
		labels.Documented, func(ctx SpecContext) {
			name := aws.ToString(cluster.ClusterName)
			_, err := client.UpdateContainerInstancesState(ctx,
				&ecs.UpdateContainerInstancesStateInput{
					Cluster:            aws.String(name),
					ContainerInstances: []string{instance.ARN()},
					Status:             types.ContainerInstanceStatusDraining,
				})
			Expect(err).NotTo(HaveOccurred())
			Expect(prov.DescribeInstance(ctx, name, instance.ARN()).Status).
				To(HaveValue(Equal("DRAINING")))

			answer, err := deregister(ctx, name, instance.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())
			expectDeregistered(answer)
		})

	It("[A10] leaves every other instance, in the same cluster and in others, unchanged",
		labels.Documented, func(ctx SpecContext) {
			name := aws.ToString(cluster.ClusterName)
			neighbour := prov.NewInstance(ctx, name)
			elsewhere := prov.NewInstance(ctx, aws.ToString(prov.NewCluster(ctx).ClusterName))

			before := map[*provision.Instance]string{}
			for _, other := range []*provision.Instance{neighbour, elsewhere} {
				before[other] = state(prov.DescribeInstance(ctx, other.Cluster, other.ARN()))
			}

			_, err := deregister(ctx, name, instance.ARN(), nil)
			Expect(err).NotTo(HaveOccurred())

			for other, was := range before {
				Expect(state(prov.DescribeInstance(ctx, other.Cluster, other.ARN()))).
					To(Equal(was), "instance %s of cluster %s changed", other.ARN(), other.Cluster)
			}
		})
})

// Section A, the default cluster: "If you do not specify a cluster, the default cluster is
// assumed." These specs share the one cluster named "default", so they run serially.
var _ = Describe("Deregistering without naming a cluster", Serial, labels.DefaultCluster, func() {
	It("[A4] assumes the default cluster when cluster is omitted", labels.Documented,
		func(ctx SpecContext) {
			prov.EnsureDefaultCluster(ctx)
			instance := prov.NewInstance(ctx, provision.DefaultClusterName)

			answer, err := deregister(ctx, "", instance.ID(), nil)
			Expect(err).NotTo(HaveOccurred())
			Expect(answer.ContainerInstanceArn).To(HaveValue(Equal(instance.ARN())))
			Expect(answer.Status).To(HaveValue(Equal("INACTIVE")))
			Expect(prov.DescribeInstance(ctx, provision.DefaultClusterName, instance.ARN()).Status).
				To(HaveValue(Equal("INACTIVE")))
		})

	It("[A5] refuses, when cluster is omitted, an instance that lives in another cluster, "+
		"and leaves it alone (the exact error is unconfirmed: ClientException or "+
		"InvalidParameterException)", labels.Inferred, func(ctx SpecContext) {
		prov.EnsureDefaultCluster(ctx)
		instance := prov.NewInstance(ctx, aws.ToString(prov.NewCluster(ctx).ClusterName))
		before := state(prov.DescribeInstance(ctx, instance.Cluster, instance.ARN()))

		_, err := deregister(ctx, "", instance.ID(), nil)
		Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
		Expect(state(prov.DescribeInstance(ctx, instance.Cluster, instance.ARN()))).
			To(Equal(before))
	})

	It("[A6] answers ClusterNotFoundException when cluster is omitted and there is no "+
		"default cluster", labels.Documented, func(ctx SpecContext) {
		if prov.HasDefaultCluster(ctx) {
			Skip("this endpoint already has a default cluster, which the suite does not delete")
		}
		instance := prov.NewInstance(ctx, aws.ToString(prov.NewCluster(ctx).ClusterName))
		before := state(prov.DescribeInstance(ctx, instance.Cluster, instance.ARN()))

		_, err := deregister(ctx, "", instance.ID(), nil)
		Expect(err).To(awserr.BeAPIError(400, "ClusterNotFoundException"))
		Expect(state(prov.DescribeInstance(ctx, instance.Cluster, instance.ARN()))).
			To(Equal(before))
		Expect(prov.HasDefaultCluster(ctx)).To(BeFalse(),
			"the call created a default cluster")
	})
})
