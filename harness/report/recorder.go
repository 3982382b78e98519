package report

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Limits of what a Recorder keeps of one spec: enough to see what went wrong, small enough
// that a report of many failures stays readable (one spec sends a 4 MiB body).
const (
	maxExchanges = 20
	maxBodyBytes = 4 << 10
)

// Recorder keeps the HTTP exchanges of the spec running in this process, for the report of a
// failing spec. Put it in front of a client's transport with Wrap; Reset it before a spec and
// Take what it holds after. It is safe for concurrent use, since specs may send requests from
// several goroutines.
type Recorder struct {
	mu        sync.Mutex
	exchanges Exchanges
}

// Wrap returns a transport that records through r what next sends and receives.
func (r *Recorder) Wrap(next http.RoundTripper) http.RoundTripper {
	return recordingTransport{recorder: r, next: next}
}

// Reset forgets what was recorded.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exchanges = nil
}

// Take returns what was recorded, redacted, and forgets it.
func (r *Recorder) Take() Exchanges {
	r.mu.Lock()
	defer r.mu.Unlock()
	taken := Redact(r.exchanges)
	r.exchanges = nil
	return taken
}

func (r *Recorder) add(x Exchange) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exchanges = append(r.exchanges, x)
	if len(r.exchanges) > maxExchanges {
		r.exchanges = r.exchanges[len(r.exchanges)-maxExchanges:]
	}
}

type recordingTransport struct {
	recorder *Recorder
	next     http.RoundTripper
}

func (t recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	x := Exchange{Request: WireRequest{Method: req.Method, URL: req.URL.String(),
		Headers: req.Header.Clone()}}
	if req.Body != nil {
		body, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		x.Request.Body = clip(body)
	}

	resp, err := t.next.RoundTrip(req)
	if err != nil {
		x.Response.Body = "no answer: " + err.Error()
		t.recorder.add(x)
		return nil, err
	}

	body, readErr := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	x.Response = WireResponse{Status: resp.StatusCode, Headers: resp.Header.Clone(),
		Body: clip(body)}
	if readErr != nil {
		x.Response.Body += fmt.Sprintf(" [reading the answer failed: %v]", readErr)
	}
	t.recorder.add(x)
	return resp, nil
}

// clip keeps the start of a long body and says how much was left out.
func clip(body []byte) string {
	if len(body) <= maxBodyBytes {
		return string(body)
	}
	return fmt.Sprintf("%s... [%d more bytes]", body[:maxBodyBytes], len(body)-maxBodyBytes)
}
