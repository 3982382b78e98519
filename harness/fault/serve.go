package fault

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// ServeHTTP applies the first rule the request matches, or forwards it untouched.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rule := p.match(operationOf(req))
	if rule == nil {
		p.forward.ServeHTTP(w, req)
		return
	}

	switch rule.Kind {
	case ServerError:
		awsError(w, http.StatusInternalServerError, "ServerException",
			"Injected by the fault proxy: the server failed.")
	case Throttle:
		awsError(w, http.StatusBadRequest, "ThrottlingException",
			"Injected by the fault proxy: Rate exceeded")
	case Reset:
		// Read the whole request first: a client still writing would see its write fail,
		// not a reset answer.
		_, _ = io.Copy(io.Discard, req.Body)
		reset(w)
	case Slow:
		select {
		case <-time.After(rule.Delay):
			p.forward.ServeHTTP(w, req)
		case <-req.Context().Done():
		}
	case Truncate:
		p.truncated(w, req)
	}
}

// awsError answers as an awsJson endpoint does.
func awsError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("x-amzn-RequestId", uuid.NewString())
	w.Header().Set("X-Amzn-ErrorType", code)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, `{"__type":"`+code+`","message":"`+message+`"}`)
}

// reset closes the client's connection with SO_LINGER 0, so that it sees a reset rather
// than an orderly end.
func reset(w http.ResponseWriter) {
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hijacker.Hijack()
	if err != nil {
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// truncated forwards the request, then sends the answer's status and headers, including its
// full Content-Length, but only the first half of its body before closing the connection.
func (p *Proxy) truncated(w http.ResponseWriter, req *http.Request) {
	recorder := &bufferedAnswer{header: http.Header{}}
	p.forward.ServeHTTP(recorder, req)

	body := recorder.body.Bytes()
	for name, values := range recorder.header {
		w.Header()[name] = values
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(recorder.status)
	_, _ = w.Write(body[:len(body)/2])
	if flusher, ok := w.(http.Flusher); ok {
		flusher.Flush()
	}
	reset(w)
}

// bufferedAnswer holds an answer from the endpoint before it is passed on.
type bufferedAnswer struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedAnswer) Header() http.Header { return b.header }

func (b *bufferedAnswer) WriteHeader(status int) { b.status = status }

func (b *bufferedAnswer) Write(data []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(data)
}
