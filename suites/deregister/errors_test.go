package deregister_test

import (
	"encoding/json"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awserr"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// Section F: the errors of the page (ClientException, ClusterNotFoundException,
// InvalidParameterException) and the shape every error answer has. Each spec also checks that
// the refused call changed nothing: an error that also changed state is a defect.
var _ = Describe("Errors", func() {
	var (
		cluster  string
		instance *provision.Instance
		before   string
	)

	BeforeEach(func(ctx SpecContext) {
		cluster = aws.ToString(prov.NewCluster(ctx).ClusterName)
		instance = prov.NewInstance(ctx, cluster)
		before = state(prov.DescribeInstance(ctx, cluster, instance.ARN()))
	})

	expectUnchanged := func(ctx SpecContext) {
		GinkgoHelper()
		Expect(state(prov.DescribeInstance(ctx, cluster, instance.ARN()))).To(Equal(before),
			"the refused call changed the container instance")
	}

	It("[F1] an unknown cluster: 400 ClusterNotFoundException (\"Cluster not found.\")",
		labels.Documented, func(ctx SpecContext) {
			_, err := deregister(ctx, prov.Name("no-such-cluster"), instance.ID(), nil)
			Expect(err).To(awserr.BeAPIError(400, "ClusterNotFoundException"))
			Expect(err.Error()).To(MatchRegexp(`(?i)cluster not found`))
			expectUnchanged(ctx)
		})

	It("[F2] an unknown instance ID in an existing cluster: 400 ClientException or "+
		"InvalidParameterException (which one is unconfirmed)", labels.Inferred,
		func(ctx SpecContext) {
			_, err := deregister(ctx, cluster, unknownInstanceID(), nil)
			Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
			Expect(prov.DescribeCluster(ctx, cluster).RegisteredContainerInstancesCount).
				To(BeEquivalentTo(1))
			expectUnchanged(ctx)
		})

	It("[F3] the full ARN of an instance of another cluster: 400 InvalidParameterException, "+
		"and that instance is left alone", labels.Observed, func(ctx SpecContext) {
		other := aws.ToString(prov.NewCluster(ctx).ClusterName)
		_, err := deregister(ctx, other, instance.ARN(), nil)
		Expect(err).To(awserr.BeAPIError(400, "InvalidParameterException"))
		expectUnchanged(ctx)
	})

	It("[F4] the bare ID of an instance of another cluster: 400 ClientException or "+
		"InvalidParameterException (which one is unconfirmed), and that instance stays ACTIVE",
		labels.Inferred, func(ctx SpecContext) {
			other := aws.ToString(prov.NewCluster(ctx).ClusterName)
			_, err := deregister(ctx, other, instance.ID(), nil)
			Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
			expectUnchanged(ctx)
			Expect(before).To(HavePrefix("status=ACTIVE "))
		})

	DescribeTable("a malformed identifier: 400 InvalidParameterException",
		func(ctx SpecContext, malform func(arn string) string) {
			_, err := deregister(ctx, cluster, malform(instance.ARN()), nil)
			Expect(err).To(awserr.BeAPIError(400, "InvalidParameterException"))
			expectUnchanged(ctx)
		},
		Entry("[F5a] one path segment too many", labels.Observed,
			func(arn string) string { return arn + "/extra" }),
		Entry("[F5b] the ARN of another resource type (a task)", labels.Observed,
			func(arn string) string {
				return strings.Replace(arn, ":container-instance/", ":task/", 1)
			}),
		Entry("[F5c] the ARN of another service (EC2)", labels.Observed,
			func(arn string) string { return strings.Replace(arn, ":ecs:", ":ec2:", 1) }),
	)

	It("[F6] containerInstance as an empty string: 400 ClientException or "+
		"InvalidParameterException (which one is unconfirmed)", labels.Inferred,
		func(ctx SpecContext) {
			_, err := deregister(ctx, cluster, "", nil)
			Expect(err).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
			expectUnchanged(ctx)
		})

	// The SDK refuses to send a request without containerInstance (harness/awsclient's
	// tests check that), so the server's answer is seen only on the wire.
	It("[F7] containerInstance missing, on the wire: 400 ClientException or "+
		"InvalidParameterException (which one is unconfirmed)", labels.Inferred,
		func(ctx SpecContext) {
			answer, err := raw.Call(ctx, "DeregisterContainerInstance",
				mustJSON(map[string]any{"cluster": cluster}))
			Expect(err).NotTo(HaveOccurred())
			Expect(answer).To(awserr.BeAPIError(400, "ClientException", "InvalidParameterException"))
			expectUnchanged(ctx)
		})

	DescribeTable("a body the server cannot read: 400 in AWS's error shape (the exact "+
		"code is unconfirmed), and nothing changes",
		func(ctx SpecContext, body func() []byte) {
			answer, err := raw.Call(ctx, "DeregisterContainerInstance", body())
			Expect(err).NotTo(HaveOccurred())
			Expect(answer).To(awserr.BeAPIError(400, "SerializationException", "ClientException",
				"InvalidParameterException"))
			expectUnchanged(ctx)
		},
		Entry("[F8a] force as a string (\"yes\")", labels.Inferred, func() []byte {
			return mustJSON(map[string]any{"cluster": cluster,
				"containerInstance": instance.ARN(), "force": "yes"})
		}),
		Entry("[F8b] cluster as a number", labels.Inferred, func() []byte {
			return mustJSON(map[string]any{"cluster": 123,
				"containerInstance": instance.ARN(), "force": true})
		}),
		Entry("[F8c] a body that is not JSON", labels.Inferred, func() []byte {
			return []byte(`{"containerInstance": "` + instance.ARN() + `", "force": tru`)
		}),
	)

	DescribeTable("every error answer has the awsJson shape: its status, a JSON body "+
		"with __type and message, x-amzn-RequestId, the awsJson content type",
		func(ctx SpecContext, body func() []byte, status int, codes ...string) {
			answer, err := raw.Call(ctx, "DeregisterContainerInstance", body())
			Expect(err).NotTo(HaveOccurred())
			Expect(answer).To(awserr.BeAPIError(status, codes...))
		},
		Entry("[F10a] for an unknown cluster", labels.Documented, func() []byte {
			return mustJSON(map[string]any{"cluster": prov.Name("no-such-cluster"),
				"containerInstance": instance.ID()})
		}, 400, "ClusterNotFoundException"),
		Entry("[F10b] for an unknown instance", labels.Documented, func() []byte {
			return mustJSON(map[string]any{"cluster": cluster,
				"containerInstance": unknownInstanceID()})
		}, 400, "ClientException", "InvalidParameterException"),
		Entry("[F10c] for a malformed identifier", labels.Documented, func() []byte {
			return mustJSON(map[string]any{"cluster": cluster,
				"containerInstance": instance.ARN() + "/extra"})
		}, 400, "InvalidParameterException"),
		Entry("[F10d] for a body that is not JSON", labels.Documented, func() []byte {
			return []byte("not json")
		}, 400, "SerializationException", "ClientException", "InvalidParameterException"),
	)
})

func mustJSON(value any) []byte {
	encoded, err := json.Marshal(value)
	Expect(err).WithOffset(1).NotTo(HaveOccurred())
	return encoded
}
