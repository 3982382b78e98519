// Package reference is an in-memory implementation of the part of the Amazon ECS control plane
// that DeregisterContainerInstance touches: clusters, container instances, task definitions,
// tasks and services with their scheduler. It speaks the awsJson1_1 protocol exactly as ECS
// does, so the AWS SDKs talk to it unmodified, and it is the faithful endpoint that the
// conformance suite's expectations are checked against before they are run on other emulators.
//
// On the same endpoint it serves the small parts of two other services that the page's
// promises reach into: Elastic Load Balancing v2 target groups (awsQuery) and EC2 instances
// (ec2Query). A container instance whose EC2 instance is known here follows it: stopping the
// EC2 instance disconnects its agent, terminating it while running deregisters it.
//
// There is no simulated ECS agent: a task stays PENDING until a client reports it RUNNING
// through SubmitTaskStateChange, as it would on an instance whose agent is not running. Tasks
// the service scheduler places are no different.
package reference

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Defaults applied by New to the zero fields of Options.
const (
	DefaultRegion       = "us-east-1"
	DefaultAccountID    = "123456789012"
	DefaultMaxBodyBytes = 1 << 20
)

// Options configures a Server. The zero value is usable: every field has a default.
type Options struct {
	// Region goes into every ARN and is the only region accepted in ARNs; default us-east-1.
	Region string
	// AccountID goes into every ARN and is the only account accepted; default 123456789012.
	AccountID string
	// Now is the clock behind every timestamp and the one-hour window in which a deregistered
	// container instance stays describable; default time.Now. Tests inject a fake clock.
	Now func() time.Time
	// MaxBodyBytes bounds a request body; a larger one is refused with 413. Default 1 MiB.
	MaxBodyBytes int64
	// Logger receives one line per request (operation, status, error code, duration) and any
	// recovered panic. Nil discards everything.
	Logger *slog.Logger
	// RequireEC2Instance makes RegisterContainerInstance refuse an identity document whose
	// EC2 instance was not launched here with RunInstances, or is no longer pending or
	// running, as emulators that check registrations against their EC2 side do. Default false:
	// any identity document is accepted.
	RequireEC2Instance bool
	// Credentials, when not empty, switch on SigV4 verification: every request must be
	// signed for service ecs in Region with one of these access key IDs (the keys) and its
	// secret access key (the values), or it is refused as AWS refuses it. Nil accepts any
	// signature or none, as most emulators do.
	Credentials map[string]string
	// Defects switches on named emulator bugs, for the mutation self-check only (see
	// Defect). Empty everywhere else.
	Defects []Defect
}

// Server is the reference ECS endpoint. It implements http.Handler and is safe for
// concurrent use: a single mutex serialises every operation, which keeps reasoning about the
// state trivial and is fast enough for a test endpoint.
type Server struct {
	opts     Options
	log      *slog.Logger
	handlers map[string]handler

	mu       sync.Mutex
	clusters map[string]*cluster          // by name, INACTIVE ones included; guarded by mu
	families map[string][]*taskDefinition // revisions by family, index = revision-1; guarded by mu

	ec2Instances map[string]*ec2Instance // EC2 instances by ID; guarded by mu
	ec2Order     []*ec2Instance          // launch order, which DescribeInstances follows
	targetGroups []*targetGroup          // ELBv2 target groups in creation order; guarded by mu
}

// New returns a Server with no clusters, not even `default`: like ECS, only CreateCluster
// creates clusters.
func New(opts Options) *Server {
	opts.Region = cmp.Or(opts.Region, DefaultRegion)
	opts.AccountID = cmp.Or(opts.AccountID, DefaultAccountID)
	opts.MaxBodyBytes = cmp.Or(opts.MaxBodyBytes, DefaultMaxBodyBytes)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}

	return &Server{
		opts:     opts,
		log:      opts.Logger,
		handlers: operations(),
		clusters: map[string]*cluster{},
		families: map[string][]*taskDefinition{},

		ec2Instances: map[string]*ec2Instance{},
	}
}

// ServeHTTP answers one request and logs it: an ECS request in awsJson1_1, an Elastic Load
// Balancing v2 or EC2 request in their query protocols (see query.go), or a call to the
// reference's own controls (see control.go).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	requestID := uuid.NewString()

	var (
		op     string
		status int
		code   string
		err    error
	)
	switch {
	case strings.HasPrefix(r.URL.Path, controlPrefix):
		op, status, err = s.serveControl(w, r, requestID)
	case isQueryRequest(r):
		op, status, err = s.serveQuery(w, r, requestID)
	default:
		var payload []byte
		op, payload, err = s.handle(w, r)
		status, code = s.writeAnswer(w, requestID, payload, err)
	}
	if apiErr := (&apiError{}); errors.As(err, &apiErr) {
		code = apiErr.code
	}

	attrs := []any{"id", requestID, "op", op, "status", status, "duration", time.Since(start)}
	if err != nil {
		attrs = append(attrs, "error", code, "message", err.Error())
	}
	s.log.Info("request", attrs...)
}

// handle checks the request against the protocol, then runs the operation it names. It
// returns the operation name (empty when unknown) for the log line.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return "", nil, methodNotAllowed(r.Method)
	}

	if len(s.opts.Credentials) > 0 {
		// AWS authenticates before it routes, so the body is read (within the limit) first;
		// the checks below read it again from memory.
		body, err := readBody(w, r, s.opts.MaxBodyBytes)
		if err != nil {
			return "", nil, err
		}
		if err := s.authenticate(r, body); err != nil {
			return "", nil, err
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}

	op, err := operationName(r.Header.Get("X-Amz-Target"))
	if err != nil {
		if op == "" && r.Header.Get("X-Amz-Target") == "" && s.has(DefectMissingTarget500) {
			return "", nil, serverError() // Defect.
		}
		return "", nil, err
	}
	run, ok := s.handlers[op]
	if !ok {
		if s.has(DefectUnknownTargetOK) {
			return op, []byte("{}"), nil // Defect.
		}
		return op, nil, unknownOperation(op)
	}

	err = checkContentType(r.Header.Get("Content-Type"))
	if err != nil && !s.has(DefectContentTypeIgnored) { // Defect: the check is skipped.
		return op, nil, err
	}
	limit := s.opts.MaxBodyBytes
	if s.has(DefectNoBodyLimit) {
		limit = 1 << 40 // Defect.
	}
	body, err := readBody(w, r, limit)
	if err != nil {
		return op, nil, err
	}
	if len(body) == 0 && s.has(DefectEmptyBody500) {
		return op, nil, serverError() // Defect.
	}

	payload, err := s.invoke(op, run, body)
	return op, payload, err
}

// invoke runs an operation. A panic becomes a 500 ServerException, so one bug answers one
// request badly instead of killing the endpoint under a whole suite.
func (s *Server) invoke(op string, run handler, body []byte) (payload []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("operation panicked", "op", op, "panic", p, "stack", string(debug.Stack()))
			payload, err = nil, serverError()
		}
	}()

	return run(s, body)
}

// now is the injected clock.
func (s *Server) now() time.Time {
	return s.opts.Now()
}
