// Package awsclient builds the clients the suite talks to an endpoint with: the AWS SDK's ECS
// client for ordinary calls (and its EC2 and ELBv2 clients for the specs that need them),
// and a raw awsJson client for requests the SDK would refuse to send or would hide the shape
// of (missing required members, wrong JSON types, exact headers).
package awsclient

import (
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
)

// Dummy credentials: requests are signed like real ones, but with a key that no AWS account
// has, so that nothing the suite sends could ever be accepted by real AWS by accident. An
// endpoint that verifies signatures against keys of its own gets those through
// Endpoint.Credentials instead.
const (
	dummyAccessKeyID     = "AKIDCONFORMANCEDUMMY"
	dummySecretAccessKey = "conformance-dummy-secret-not-a-real-key"
)

// Endpoint says where requests go and how long one may take.
type Endpoint struct {
	// URL of the endpoint under test, e.g. http://127.0.0.1:4566.
	URL string

	// Region used for signing and for the ARNs the suite builds. Default us-east-1.
	Region string

	// Timeout bounds one request from dial to the last byte of the answer. Default 10s.
	Timeout time.Duration

	// Credentials sign every request; without an access key ID, the dummy pair above does.
	// They are never marshalled: the settings travel between parallel processes as JSON, and
	// a secret must not travel with them.
	Credentials aws.Credentials `json:"-"`

	// Wrap, when set, wraps the transport of every client built for the endpoint: the suite
	// records each spec's exchanges through it.
	Wrap func(http.RoundTripper) http.RoundTripper `json:"-"`
}

func (e Endpoint) region() string {
	if e.Region == "" {
		return "us-east-1"
	}
	return e.Region
}

// SigningCredentials returns the credentials requests are signed with: Credentials, or the
// dummy pair.
func (e Endpoint) SigningCredentials() aws.Credentials {
	if e.Credentials.AccessKeyID != "" {
		return e.Credentials
	}
	return aws.Credentials{AccessKeyID: dummyAccessKeyID, SecretAccessKey: dummySecretAccessKey}
}

func (e Endpoint) timeout() time.Duration {
	if e.Timeout <= 0 {
		return 10 * time.Second
	}
	return e.Timeout
}

// HTTPClient returns the HTTP client both clients use: bounded in time at every step, and
// deliberately blind to HTTP_PROXY and friends, since traffic must go to the endpoint itself.
func (e Endpoint) HTTPClient() *http.Client {
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: 3 * time.Second}).DialContext,
		ResponseHeaderTimeout: e.timeout(),
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       30 * time.Second,
	}
	if e.Wrap != nil {
		return &http.Client{Transport: e.Wrap(transport), Timeout: e.timeout()}
	}
	return &http.Client{Transport: transport, Timeout: e.timeout()}
}

// NewECS returns an SDK client for the endpoint, with static credentials and retries
// off, so the first answer of the endpoint is the one that is judged. optFns may adjust the
// client further (a spec that counts requests swaps the HTTP client, for example).
func NewECS(e Endpoint, optFns ...func(*ecs.Options)) *ecs.Client {
	return ecs.NewFromConfig(e.config(), append([]func(*ecs.Options){func(o *ecs.Options) {
		o.BaseEndpoint = aws.String(e.URL)
	}}, optFns...)...)
}

// NewEC2 returns an SDK EC2 client for the same endpoint, configured like NewECS: the suite
// expects an emulator to serve EC2 and ECS on one URL, as LocalStack and moto do.
func NewEC2(e Endpoint) *ec2.Client {
	return ec2.NewFromConfig(e.config(), func(o *ec2.Options) {
		o.BaseEndpoint = aws.String(e.URL)
	})
}

// NewELBv2 returns an SDK Elastic Load Balancing v2 client for the same endpoint,
// configured like NewECS.
func NewELBv2(e Endpoint) *elasticloadbalancingv2.Client {
	return elasticloadbalancingv2.NewFromConfig(e.config(),
		func(o *elasticloadbalancingv2.Options) { o.BaseEndpoint = aws.String(e.URL) })
}

// config is what every SDK client of the endpoint shares: region, dummy credentials, the
// bounded HTTP client, and no retries.
func (e Endpoint) config() aws.Config {
	return aws.Config{
		Region:      e.region(),
		Credentials: credentials.StaticCredentialsProvider{Value: e.SigningCredentials()},
		HTTPClient:  e.HTTPClient(),
		Retryer:     func() aws.Retryer { return aws.NopRetryer{} },
	}
}
