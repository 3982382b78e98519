// Package deregister_test is the conformance suite for ECS's DeregisterContainerInstance.
// Each spec checks one behaviour of the API reference page; its text starts with the
// behaviour's stable ID (e.g. [A1]) and it carries an evidence label (see harness/labels).
package deregister_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/endpoint"
	"github.com/ecs-conformance/deregister/harness/provision"
)

// What every spec of this process uses, set up once per process.
var (
	settings endpoint.Settings
	client   *ecs.Client
	raw      *awsclient.Raw
	prov     *provision.Provisioner
)

func TestDeregisterContainerInstance(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "DeregisterContainerInstance conformance")
}

// Process 1 chooses the endpoint (starting the embedded reference when none is given) and
// checks that it answers; every process then talks to that one endpoint.
var _ = SynchronizedBeforeSuite(func(ctx SpecContext) []byte {
	chosen, err := endpoint.Load(os.Getenv)
	abortOn(err)

	if chosen.URL == "" {
		url, stop, err := endpoint.StartEmbedded(chosen.Region, chosen.Defects)
		abortOn(err)
		DeferCleanup(stop)
		chosen.URL = url
	}

	abortOn(endpoint.Preflight(ctx, awsclient.NewECS(chosen.Endpoint), chosen.URL))
	AddReportEntry("endpoint", chosen.URL+" ("+chosen.Source+")")
	if len(chosen.Defects) > 0 {
		AddReportEntry("defects", fmt.Sprint(chosen.Defects))
	}

	encoded, err := json.Marshal(chosen)
	Expect(err).NotTo(HaveOccurred())
	return encoded
}, func(encoded []byte) {
	Expect(json.Unmarshal(encoded, &settings)).To(Succeed())

	registrar, err := provision.NewRegistrar(settings.Registration, settings.Region)
	abortOn(err)

	client = awsclient.NewECS(settings.Endpoint)
	raw = awsclient.NewRaw(settings.Endpoint)
	prov = provision.New(client, registrar)
})

// abortOn stops the whole run when the endpoint cannot be tested, with the error's own
// sentence (it names the endpoint or the setting at fault) rather than a dump of its fields.
func abortOn(err error) {
	if err != nil {
		AbortSuite(err.Error(), 1)
	}
}
