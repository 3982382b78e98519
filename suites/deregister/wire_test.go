package deregister_test

import (
	"encoding/json"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/fixtures"
	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
	"github.com/ecs-conformance/deregister/harness/wire"
)

// Section G, and the malformed requests of section F: what travels on the wire, checked
// without the SDK in between, against the reference page's own sample request and answer
// and against the ECS model.
var _ = Describe("On the wire", func() {
	It("[G2] the answer has the members of the page's sample answer with their JSON types, "+
		"and only members the ECS model knows", labels.Documented, func(ctx SpecContext) {
		cluster := aws.ToString(prov.NewCluster(ctx).ClusterName)
		instance := prov.NewInstance(ctx, cluster)

		answer, err := raw.Call(ctx, "DeregisterContainerInstance", mustJSON(map[string]any{
			"cluster": cluster, "containerInstance": instance.ARN(),
		}))
		Expect(err).NotTo(HaveOccurred())
		Expect(answer.Status).To(Equal(200), "answer: %s", answer.Body)
		Expect(answer.Header.Get("x-amzn-RequestId")).NotTo(BeEmpty())
		Expect(answer.Header.Get("Content-Type")).To(HavePrefix(awsclient.ContentType))

		var got, sample any
		Expect(json.Unmarshal(answer.Body, &got)).To(Succeed(), "answer: %s", answer.Body)
		Expect(json.Unmarshal(fixtures.SampleResponse, &sample)).To(Succeed())

		shapes, err := wire.ParseShapes(fixtures.ECSShapes)
		Expect(err).NotTo(HaveOccurred())
		Expect(shapes.Check("DeregisterContainerInstanceResponse", got)).To(BeEmpty(),
			"members the ECS model does not have, or of the wrong JSON type")
		Expect(wire.CompareWithSample(wire.Normalise(sample), wire.Normalise(got))).
			To(BeEmpty(), "departures from the page's sample answer")
	})

	// Malformed requests: AWS's exact answer to each is unpublished, so any 4xx in the
	// awsJson error shape is accepted; the instance the body names must be left alone.
	DescribeTable("a malformed request is answered with a 4xx in AWS's error shape, and "+
		"nothing changes",
		func(ctx SpecContext, malform func(req *awsclient.Request)) {
			cluster := aws.ToString(prov.NewCluster(ctx).ClusterName)
			instance := prov.NewInstance(ctx, cluster)
			before := state(prov.DescribeInstance(ctx, cluster, instance.ARN()))

			req := awsclient.Request{
				Operation: "DeregisterContainerInstance",
				Body: mustJSON(map[string]any{"cluster": cluster,
					"containerInstance": instance.ARN()}),
			}
			malform(&req)
			answer, err := raw.Send(ctx, req)
			Expect(err).NotTo(HaveOccurred())
			Expect(answer).To(awserr.BeAPIError(awserr.AnyClientStatus, awserr.AnyCode))
			Expect(state(prov.DescribeInstance(ctx, cluster, instance.ARN()))).To(Equal(before),
				"the malformed request changed the container instance")
		},
		Entry("[F10e] without X-Amz-Target", labels.Inferred, func(req *awsclient.Request) {
			req.OmitTarget = true
		}),
		Entry("[F10f] with an X-Amz-Target naming no operation", labels.Inferred,
			func(req *awsclient.Request) {
				req.Target = awsclient.TargetPrefix + "DeregisterContainerInstances"
			}),
		Entry("[F10g] with a content type other than awsJson 1.1", labels.Inferred,
			func(req *awsclient.Request) { req.ContentType = "text/plain" }),
		Entry("[F10h] with an empty body", labels.Inferred, func(req *awsclient.Request) {
			req.Body = nil
		}),
		Entry("[F10i] with a body of 4 MiB", labels.Inferred, func(req *awsclient.Request) {
			var body map[string]any
			Expect(json.Unmarshal(req.Body, &body)).To(Succeed())
			body["padding"] = strings.Repeat("x", 4<<20)
			req.Body = mustJSON(body)
		}),
	)
})

// Section G, the page's sample request: it names no cluster, so it deregisters from the
// default cluster, which every process shares.
var _ = Describe("The page's sample request", Serial, labels.DefaultCluster, func() {
	It("[G1] is accepted as written, with a real instance ID in place of the page's",
		labels.Documented, func(ctx SpecContext) {
			prov.EnsureDefaultCluster(ctx)
			instance := prov.NewInstance(ctx, provision.DefaultClusterName)

			written, body, err := wire.SampleRequest(fixtures.SampleRequest, instance.ID())
			Expect(err).NotTo(HaveOccurred())
			answer, err := raw.Replay(ctx, written, body)
			Expect(err).NotTo(HaveOccurred())
			Expect(answer.Status).To(Equal(200), "answer: %s", answer.Body)

			var decoded struct {
				ContainerInstance struct {
					ContainerInstanceArn string `json:"containerInstanceArn"`
					Status               string `json:"status"`
				} `json:"containerInstance"`
			}
			Expect(json.Unmarshal(answer.Body, &decoded)).To(Succeed(), "answer: %s", answer.Body)
			Expect(decoded.ContainerInstance.ContainerInstanceArn).To(Equal(instance.ARN()))
			Expect(decoded.ContainerInstance.Status).To(Equal("INACTIVE"))
			Expect(prov.DescribeInstance(ctx, provision.DefaultClusterName, instance.ARN()).Status).
				To(HaveValue(Equal("INACTIVE")))
		})
})
