package reference

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// obj is a JSON object literal for request bodies.
type obj = map[string]any

// fakeClock is a settable clock, so the one-hour visibility window is testable.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// endpoint drives a Server through its HTTP handler, as an SDK would.
type endpoint struct {
	t      *testing.T
	server *Server
	clock  *fakeClock
}

func newEndpoint(t *testing.T) *endpoint {
	t.Helper()
	clock := &fakeClock{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	return &endpoint{t: t, server: New(Options{Now: clock.Now}), clock: clock}
}

// reply is one HTTP answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// request builds a well-formed awsJson1_1 request; input is a raw body when it is a string.
func request(op string, input any) *http.Request {
	body, ok := input.(string)
	if !ok {
		raw, err := json.Marshal(input)
		if err != nil {
			panic(err)
		}
		body = string(raw)
	}
	r := httptest.NewRequest(http.MethodPost, "/", bytes.NewBufferString(body))
	r.Header.Set("X-Amz-Target", targetPrefix+op)
	r.Header.Set("Content-Type", jsonContentType)
	return r
}

func (e *endpoint) send(r *http.Request) reply {
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, r)
	return reply{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func (e *endpoint) call(op string, input any) reply {
	return e.send(request(op, input))
}

// do calls op, fails the test unless it answers 200, and decodes the answer into out.
func (e *endpoint) do(op string, input any, out any) {
	e.t.Helper()
	got := e.call(op, input)
	if got.status != http.StatusOK {
		e.t.Fatalf("%s: status %d, want 200; body %s", op, got.status, got.body)
	}
	if err := json.Unmarshal(got.body, out); err != nil {
		e.t.Fatalf("%s: answer is not JSON: %v", op, err)
	}
}

// fails calls op and checks that it is refused with status and code, and that the refusal
// left the state exactly as it was.
func (e *endpoint) fails(op string, input any, status int, code string) string {
	e.t.Helper()
	before := e.snapshot()
	got := e.call(op, input)
	message := checkError(e.t, got, status, code)
	if after := e.snapshot(); after != before {
		e.t.Errorf("%s refused with %s but changed the state:\nbefore %s\nafter  %s",
			op, code, before, after)
	}
	return message
}

// checkError asserts the whole shape of an error answer and returns its message.
func checkError(t *testing.T, got reply, status int, code string) string {
	t.Helper()
	if got.status != status {
		t.Errorf("status %d, want %d; body %s", got.status, status, got.body)
	}
	checkProtocolHeaders(t, got)
	if h := got.header.Get("X-Amzn-ErrorType"); h != code {
		t.Errorf("X-Amzn-ErrorType %q, want %q", h, code)
	}

	var body map[string]any
	if err := json.Unmarshal(got.body, &body); err != nil {
		t.Fatalf("error body is not a JSON object: %v; body %s", err, got.body)
	}
	if body["__type"] != code {
		t.Errorf("__type %v, want %q", body["__type"], code)
	}
	message, _ := body["message"].(string)
	if message == "" {
		t.Errorf("lowercase message missing or empty; body %s", got.body)
	}
	return message
}

// checkProtocolHeaders asserts what every answer carries, success or not.
func checkProtocolHeaders(t *testing.T, got reply) {
	t.Helper()
	if ct := got.header.Get("Content-Type"); ct != jsonContentType {
		t.Errorf("Content-Type %q, want %q", ct, jsonContentType)
	}
	if id := got.header.Get("x-amzn-RequestId"); len(id) != 36 {
		t.Errorf("x-amzn-RequestId %q, want a UUID", id)
	}
}

// snapshot renders the whole state, so that a test can tell whether anything changed.
func (e *endpoint) snapshot() string {
	s := e.server
	s.mu.Lock()
	defer s.mu.Unlock()

	var all []any
	for _, name := range slices.Sorted(maps.Keys(s.clusters)) {
		c := s.clusters[name]
		all = append(all, s.renderCluster(c))
		for _, i := range c.instanceOrder {
			all = append(all, s.renderInstance(c.name, i))
		}
		for _, t := range c.taskOrder {
			all = append(all, s.renderTask(t), t.orphaned)
		}
	}
	for _, family := range slices.Sorted(maps.Keys(s.families)) {
		for _, d := range s.families[family] {
			all = append(all, s.renderTaskDefinition(d))
		}
	}
	raw, err := json.Marshal(all)
	if err != nil {
		panic(err)
	}
	return string(raw)
}
