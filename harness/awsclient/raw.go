package awsclient

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// TargetPrefix is the X-Amz-Target prefix of every ECS operation.
const TargetPrefix = "AmazonEC2ContainerServiceV20141113."

// ContentType is the media type of awsJson 1.1 requests and answers.
const ContentType = "application/x-amz-json-1.1"

// Raw sends hand-made awsJson requests, signed like the SDK's, and returns the answer as it
// came off the wire.
type Raw struct {
	endpoint Endpoint
	http     *http.Client
	signer   *v4.Signer
}

// Request is one hand-made request. The zero values of Method, ContentType and Target give a
// well-formed request; a spec sets them to send a malformed one.
type Request struct {
	// Operation is the ECS operation name, e.g. DeregisterContainerInstance.
	Operation string

	// Body is sent as is.
	Body []byte

	// Method defaults to POST.
	Method string

	// ContentType defaults to application/x-amz-json-1.1. OmitContentType sends none.
	ContentType     string
	OmitContentType bool

	// Target overrides the X-Amz-Target header; OmitTarget sends none.
	Target     string
	OmitTarget bool
}

// Response is an answer as it came off the wire.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// NewRaw returns a raw client for the endpoint.
func NewRaw(e Endpoint) *Raw {
	return &Raw{endpoint: e, http: e.HTTPClient(), signer: v4.NewSigner()}
}

// Call sends a well-formed request for operation with body.
func (r *Raw) Call(ctx context.Context, operation string, body []byte) (*Response, error) {
	return r.Send(ctx, Request{Operation: operation, Body: body})
}

// Send sends req and reads the whole answer.
func (r *Raw) Send(ctx context.Context, req Request) (*Response, error) {
	method := req.Method
	if method == "" {
		method = http.MethodPost
	}

	httpReq, err := http.NewRequestWithContext(ctx, method, r.endpoint.URL+"/",
		bytes.NewReader(req.Body))
	if err != nil {
		return nil, fmt.Errorf("raw %s: %w", req.Operation, err)
	}
	if !req.OmitContentType {
		httpReq.Header.Set("Content-Type", valueOr(req.ContentType, ContentType))
	}
	if !req.OmitTarget {
		httpReq.Header.Set("X-Amz-Target", valueOr(req.Target, TargetPrefix+req.Operation))
	}
	return r.do(ctx, httpReq, req.Body)
}

// Replay sends a request written out in full elsewhere (the reference page's sample) to
// this endpoint: its URL and Host become the endpoint's, its Content-Length the body's, and
// it is signed afresh (X-Amz-Date and Authorization replaced). Every other header goes as
// written.
func (r *Raw) Replay(ctx context.Context, written *http.Request, body []byte) (*Response,
	error) {
	httpReq, err := http.NewRequestWithContext(ctx, written.Method, r.endpoint.URL+"/",
		bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	for name, values := range written.Header {
		httpReq.Header[name] = values
	}
	httpReq.Header.Del("Authorization")
	httpReq.Header.Del("X-Amz-Date")
	httpReq.Header.Del("Content-Length")
	return r.do(ctx, httpReq, body)
}

// do signs a request, sends it and reads the whole answer.
func (r *Raw) do(ctx context.Context, req *http.Request, body []byte) (*Response, error) {
	operation := strings.TrimPrefix(req.Header.Get("X-Amz-Target"), TargetPrefix)
	if err := r.sign(ctx, req, body); err != nil {
		return nil, fmt.Errorf("raw %s: signing: %w", operation, err)
	}

	answer, err := r.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("raw %s to %s: %w", operation, r.endpoint.URL, err)
	}
	defer answer.Body.Close()

	read, err := io.ReadAll(answer.Body)
	if err != nil {
		return nil, fmt.Errorf("raw %s: reading the answer: %w", operation, err)
	}
	return &Response{Status: answer.StatusCode, Header: answer.Header, Body: read}, nil
}

func (r *Raw) sign(ctx context.Context, req *http.Request, body []byte) error {
	sum := sha256.Sum256(body)
	return r.signer.SignHTTP(ctx, r.endpoint.SigningCredentials(), req,
		hex.EncodeToString(sum[:]), "ecs", r.endpoint.region(), time.Now())
}

func valueOr(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
