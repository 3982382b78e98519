// Package provision gives each spec its own uniquely named ECS resources on the endpoint under
// test (clusters, container instances, task definitions, tasks) and tears every one of them
// down with Ginkgo's DeferCleanup, last made first removed, whether the spec passed or not.
//
// Every method that makes something must be called from inside a spec (It, or a BeforeEach
// that serves it): that is where DeferCleanup ties the teardown to the spec.
//
// Services, target groups and EC2 instances are made through the endpoint's ECS, ELBv2 and
// EC2 APIs on the same URL; only the specs that claim those capabilities use them.
package provision

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/onsi/ginkgo/v2"
)

// cleanupTimeout bounds each teardown call, so that a dead endpoint cannot hold a run.
const cleanupTimeout = 30 * time.Second

// Provisioner makes resources on one endpoint. It is safe for concurrent use by the specs of
// one Ginkgo process; names carry the process number, so parallel processes sharing one
// endpoint never collide.
type Provisioner struct {
	Clients
	Registrar Registrar
	Agents    AgentControl

	prefix  string
	counter atomic.Int64
}

// Clients are the SDK clients of the endpoint under test, one per API it serves.
type Clients struct {
	ECS *ecs.Client
	EC2 *ec2.Client
	ELB *elasticloadbalancingv2.Client
}

// New returns a Provisioner whose resource names start with "conf-", a random run tag and
// the Ginkgo parallel process number. agents may be nil when the endpoint offers no agent
// control.
func New(clients Clients, registrar Registrar, agents AgentControl) *Provisioner {
	tag := make([]byte, 3)
	_, _ = rand.Read(tag)
	return &Provisioner{
		Clients:   clients,
		Registrar: registrar,
		Agents:    agents,
		prefix:    fmt.Sprintf("conf-%s-p%d", hex.EncodeToString(tag), ginkgo.GinkgoParallelProcess()),
	}
}

// Name returns a new unique resource name for kind, e.g. "conf-1a2b3c-p2-cluster-7".
func (p *Provisioner) Name(kind string) string {
	return fmt.Sprintf("%s-%s-%d", p.prefix, kind, p.counter.Add(1))
}

// logf writes one line about one provisioning event; Ginkgo shows it with a failing spec.
func logf(format string, args ...any) {
	ginkgo.GinkgoWriter.Printf("provision: "+format+"\n", args...)
}

// mustSucceed fails the spec that called a provisioning method, pointing at the spec's
// line, when a call the method made failed.
func mustSucceed(err error, format string, args ...any) {
	if err != nil {
		ginkgo.Fail(fmt.Sprintf(format, args...)+": "+err.Error(), 2)
	}
}

// must fails the spec that called a provisioning method when an answer lacks what the method
// needs.
func must(ok bool, format string, args ...any) {
	if !ok {
		ginkgo.Fail(fmt.Sprintf(format, args...), 2)
	}
}

// deferCleanup registers a teardown step that runs with its own bounded context (the spec's
// may be cancelled by then) and only logs what fails: a spec's verdict is about the behaviour
// it checks, and a step that fails here usually means the spec already removed the thing.
func deferCleanup(what string, step func(ctx context.Context) error) {
	ginkgo.DeferCleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
		defer cancel()
		if err := step(ctx); err != nil {
			logf("cleanup of %s failed: %v", what, err)
		}
	})
}
