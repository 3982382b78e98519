// Package deregister_test is the conformance suite for ECS's DeregisterContainerInstance.
// Each spec checks one behaviour of the API reference page; its text starts with the
// behaviour's stable ID (e.g. [A1]) and it carries an evidence label (see harness/labels).
package deregister_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
	. "github.com/onsi/gomega"

	"github.com/ecs-conformance/deregister/harness/awsclient"
	"github.com/ecs-conformance/deregister/harness/behaviours"
	"github.com/ecs-conformance/deregister/harness/container"
	"github.com/ecs-conformance/deregister/harness/endpoint"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/provision"
	"github.com/ecs-conformance/deregister/harness/report"
	"github.com/ecs-conformance/deregister/harness/version"
)

// EnvReports names the run folder: where run.json and the endpoint container's logs of
// failing specs go. `make conformance` sets it; without it nothing is written.
const EnvReports = "ECS_CONFORMANCE_REPORTS"

// What every spec of this process uses, set up once per process.
var (
	settings          endpoint.Settings
	client            *ecs.Client
	raw               *awsclient.Raw
	prov              *provision.Provisioner
	recorder          report.Recorder
	endpointContainer *container.Running // nil unless the endpoint runs in a container
)

// handover is what process 1 hands every process: the settings, with the URL of the
// endpoint it started, and the endpoint's container, if any.
type handover struct {
	Settings  endpoint.Settings
	Container *container.Running
}

func TestDeregisterContainerInstance(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "DeregisterContainerInstance conformance")
}

// Process 1 chooses the endpoint, starts it when it is an image or the reference, and checks
// that it answers; every process then talks to that one endpoint.
var _ = SynchronizedBeforeSuite(func(ctx SpecContext) []byte {
	chosen, err := endpoint.Load(os.Getenv)
	abortOn(err)

	started, err := endpoint.Start(ctx, chosen, func(format string, args ...any) {
		AddReportEntry("endpoint choice", fmt.Sprintf(format, args...))
	})
	abortOn(err)
	DeferCleanup(started.Stop, NodeTimeout(time.Minute))
	chosen.URL = started.URL

	abortOn(endpoint.Preflight(ctx, awsclient.NewECS(chosen.Endpoint), chosen.URL))
	AddReportEntry("endpoint", started.Description)
	abortOn(writeRunInfo(chosen, started))

	encoded, err := json.Marshal(handover{Settings: chosen, Container: started.Container})
	Expect(err).NotTo(HaveOccurred())
	return encoded
}, func(encoded []byte) {
	var given handover
	Expect(json.Unmarshal(encoded, &given)).To(Succeed())
	settings, endpointContainer = given.Settings, given.Container

	// The signing credentials stay out of the handover, which is JSON; each process reads
	// them from its own environment.
	creds, err := endpoint.SigningCredentials(os.Getenv)
	abortOn(err)
	settings.Credentials = creds

	settings.Wrap = recorder.Wrap
	client = awsclient.NewECS(settings.Endpoint)
	raw = awsclient.NewRaw(settings.Endpoint)
	clients := provision.Clients{ECS: client, EC2: awsclient.NewEC2(settings.Endpoint),
		ELB: awsclient.NewELBv2(settings.Endpoint)}

	registrar, err := provision.NewRegistrar(settings.Registration, settings.Region, clients.EC2)
	abortOn(err)
	// Only the reference's agent control is known; another emulator's would be chosen here.
	agents := provision.ReferenceAgents{URL: settings.URL, HTTP: settings.HTTPClient()}
	prov = provision.New(clients, registrar, agents)
})

// A spec that needs a capability the target does not claim is not applicable to it: it is
// skipped, with the reason, rather than failed.
var _ = BeforeEach(func() {
	recorder.Reset()
	for _, label := range CurrentSpecReport().Labels() {
		if slices.Contains(labels.Capabilities, label) && !settings.Claims(label) {
			Skip("not applicable: the target does not claim the capability " + label)
		}
	}
})

// A failing spec's report carries its wire exchanges (redacted) and, when the endpoint runs
// in a container, the container's log saved next to the reports.
var _ = AfterEach(func(ctx SpecContext) {
	if !CurrentSpecReport().Failed() {
		return
	}
	AddReportEntry(report.WireEntry, recorder.Take(), types.ReportEntryVisibilityNever)

	if dir := os.Getenv(EnvReports); dir != "" && endpointContainer != nil {
		id, _ := behaviours.SpecID(CurrentSpecReport().LeafNodeText)
		path := filepath.Join(dir, "endpoint-logs", id+".log")
		if err := endpointContainer.SaveLogs(ctx, path); err != nil {
			GinkgoWriter.Printf("saving the endpoint's log: %v\n", err)
		}
	}
})

// writeRunInfo writes run.json into the run folder, when there is one.
func writeRunInfo(chosen endpoint.Settings, started *endpoint.Started) error {
	dir := os.Getenv(EnvReports)
	if dir == "" {
		return nil
	}
	info := report.RunInfo{
		Target:       "reference-in-process",
		Endpoint:     started.Description,
		SDKVersion:   version.SDK(),
		SuiteVersion: version.Suite(context.Background(), ""),
		Date:         time.Now().UTC(),
	}
	if chosen.Target != nil {
		info.Target, info.TargetFile = chosen.Target.Name, chosen.Target.File
	} else if chosen.Source != endpoint.Embedded {
		info.Target = chosen.Source
	} else if chosen.Reference == endpoint.InContainer {
		info.Target = "reference-container"
	}
	if started.Container != nil {
		info.Image, info.ImageDigest = started.Container.Image, started.Container.ImageID
	}
	return report.WriteRunInfo(dir, info)
}

// abortOn stops the whole run when the endpoint cannot be tested, with the error's own
// sentence (it names the endpoint or the setting at fault) rather than a dump of its fields.
func abortOn(err error) {
	if err != nil {
		AbortSuite(err.Error(), 1)
	}
}
