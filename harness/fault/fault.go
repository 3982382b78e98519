// Package fault puts a reverse proxy in front of any ECS endpoint that answers chosen
// requests badly: with a ServerException, a throttling error, a reset connection, a slow
// answer or a truncated body. No well-behaved endpoint fails on request, so this is how the
// suite sees what a client does with failures: the SDK's typed ServerException, its retries,
// its timeouts.
package fault

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Kind is what the proxy does to a request a rule matches.
type Kind int

// The faults. Only Slow and Truncate let the request reach the endpoint.
const (
	// ServerError answers 500 with an awsJson ServerException.
	ServerError Kind = iota + 1
	// Throttle answers 400 with an awsJson ThrottlingException.
	Throttle
	// Reset closes the connection without answering, with a TCP reset.
	Reset
	// Slow forwards the request and holds the answer back for Rule.Delay.
	Slow
	// Truncate forwards the request and sends the answer's headers with only half its body.
	Truncate
)

// Rule says which requests get which fault.
type Rule struct {
	// Operation is the ECS operation to match (the part of X-Amz-Target after the dot);
	// empty matches every request.
	Operation string

	Kind Kind

	// Times is how many matching requests get the fault; 0 means every one.
	Times int

	// Delay is Slow's delay.
	Delay time.Duration
}

// Proxy is a running fault-injecting proxy.
type Proxy struct {
	// URL is the proxy's address: point a client here instead of at the endpoint.
	URL string

	server   *http.Server
	listener net.Listener
	forward  *httputil.ReverseProxy

	mu    sync.Mutex
	rules []*injected
	seen  map[string]int
}

// injected is a rule with the count of faults it has left to give; -1 is no limit.
type injected struct {
	Rule
	left int
}

// Start starts a proxy on a free loopback port in front of the endpoint at target.
func Start(target string) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("fault proxy: endpoint %q is not a URL", target)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fault proxy: %w", err)
	}

	p := &Proxy{
		URL:      "http://" + listener.Addr().String(),
		listener: listener,
		forward:  httputil.NewSingleHostReverseProxy(u),
		seen:     map[string]int{},
	}
	p.forward.Transport = &http.Transport{Proxy: nil}
	p.server = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = p.server.Serve(listener) }()
	return p, nil
}

// Inject adds rules; they apply in the order given, to requests from now on.
func (p *Proxy) Inject(rules ...Rule) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range rules {
		left := r.Times
		if left == 0 {
			left = -1
		}
		p.rules = append(p.rules, &injected{Rule: r, left: left})
	}
}

// Seen returns how many requests for operation reached the proxy, faulted or not.
func (p *Proxy) Seen(operation string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen[operation]
}

// Close stops the proxy and drops its connections.
func (p *Proxy) Close() error {
	return p.server.Close()
}

// match counts the request and returns the rule it triggers, or nil to pass it through.
func (p *Proxy) match(operation string) *Rule {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen[operation]++
	for _, r := range p.rules {
		if (r.Operation != "" && r.Operation != operation) || r.left == 0 {
			continue
		}
		if r.left > 0 {
			r.left--
		}
		return &r.Rule
	}
	return nil
}

func operationOf(req *http.Request) string {
	target := req.Header.Get("X-Amz-Target")
	return target[strings.LastIndex(target, ".")+1:]
}
