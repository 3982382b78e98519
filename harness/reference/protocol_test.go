package reference

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestProtocolRefusals covers every bad-input class of the awsJson1_1 framing. Each case
// starts from a cluster with one instance and must leave it exactly as it was.
func TestProtocolRefusals(t *testing.T) {
	deregisterBody := `{"cluster":"main","containerInstance":"abc"}`
	withHeader := func(name, value string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set(name, value) }
	}

	tests := []struct {
		name    string
		method  string
		body    string
		modify  func(*http.Request)
		status  int
		code    string
		message string // a fragment the message must contain, when it matters
	}{
		{name: "missing target header", body: deregisterBody,
			modify: func(r *http.Request) { r.Header.Del("X-Amz-Target") },
			status: badRequest, code: codeUnknownOperation},
		{name: "unknown operation", body: deregisterBody,
			modify: withHeader("X-Amz-Target", targetPrefix+"LaunchRockets"),
			status: badRequest, code: codeUnknownOperation},
		{name: "unknown target prefix", body: deregisterBody,
			modify: withHeader("X-Amz-Target", "AmazonEC2.DeregisterContainerInstance"),
			status: badRequest, code: codeUnknownOperation},
		{name: "no content type", body: deregisterBody,
			modify: func(r *http.Request) { r.Header.Del("Content-Type") },
			status: badRequest, code: codeSerialization, message: jsonContentType},
		{name: "plain JSON content type", body: deregisterBody,
			modify: withHeader("Content-Type", "application/json"),
			status: badRequest, code: codeSerialization, message: jsonContentType},
		{name: "GET", method: http.MethodGet, body: deregisterBody,
			status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed},
		{name: "PUT", method: http.MethodPut, body: deregisterBody,
			status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed},
		{name: "oversized body", body: `{"cluster":"` + strings.Repeat("a", 2<<20) + `"}`,
			status: http.StatusRequestEntityTooLarge, code: codeRequestTooLarge},
		{name: "not JSON", body: `{"cluster":`, status: badRequest, code: codeSerialization},
		{name: "trailing garbage", body: deregisterBody + `x`,
			status: badRequest, code: codeSerialization},
		{name: "array body", body: `[]`, status: badRequest, code: codeSerialization},
		{name: "null body", body: `null`, status: badRequest, code: codeSerialization},
		{name: "string body", body: `"x"`, status: badRequest, code: codeSerialization},
		{name: "force as a string",
			body:   `{"cluster":"main","containerInstance":"abc","force":"yes"}`,
			status: badRequest, code: codeSerialization, message: "force"},
		{name: "cluster as a number", body: `{"cluster":123,"containerInstance":"abc"}`,
			status: badRequest, code: codeSerialization, message: "cluster"},
		{name: "containerInstance as an object", body: `{"containerInstance":{}}`,
			status: badRequest, code: codeSerialization, message: "containerInstance"},
		{name: "empty body means {}", body: ``,
			status: badRequest, code: codeInvalidParameter, message: "containerInstance"},
		{name: "containerInstance null", body: `{"cluster":"main","containerInstance":null}`,
			status: badRequest, code: codeInvalidParameter, message: "containerInstance"},
		{name: "containerInstance empty", body: `{"cluster":"main","containerInstance":""}`,
			status: badRequest, code: codeInvalidParameter, message: "containerInstance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t)
			e.createCluster("main")
			e.registerInstance("main", "i-1")
			before := e.snapshot()

			r := request("DeregisterContainerInstance", tt.body)
			if tt.method != "" {
				r.Method = tt.method
			}
			if tt.modify != nil {
				tt.modify(r)
			}
			message := checkError(t, e.send(r), tt.status, tt.code)

			if !strings.Contains(message, tt.message) {
				t.Errorf("message %q does not mention %q", message, tt.message)
			}
			if after := e.snapshot(); after != before {
				t.Errorf("state changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestNestedMemberTypeIsNamed checks that a mistyped member deep in a request is named by
// its path.
func TestNestedMemberTypeIsNamed(t *testing.T) {
	e := newEndpoint(t)
	body := `{"family":"web","containerDefinitions":[{"name":"a","image":"b","cpu":"lots"}]}`
	message := e.fails("RegisterTaskDefinition", body, badRequest, codeSerialization)
	if !strings.Contains(message, "containerDefinitions.cpu") {
		t.Errorf("message %q does not name containerDefinitions.cpu", message)
	}
}

func TestProtocolAcceptsCharsetAndAnyPath(t *testing.T) {
	e := newEndpoint(t)
	r := request("ListClusters", obj{})
	r.URL.Path = "/some/path"
	r.Header.Set("Content-Type", jsonContentType+"; charset=utf-8")
	got := e.send(r)

	if got.status != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", got.status, got.body)
	}
	checkProtocolHeaders(t, got)
	if want := `{"clusterArns":[]}`; string(got.body) != want {
		t.Errorf("body %s, want %s", got.body, want)
	}
}

func TestEmptyBodyIsAnEmptyObject(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("a")
	var got listClustersAnswer
	e.do("ListClusters", "", &got)
	if len(got.ClusterArns) != 1 {
		t.Errorf("ListClusters with an empty body listed %v, want one cluster", got.ClusterArns)
	}
}

func TestUnknownMembersAreIgnored(t *testing.T) {
	e := newEndpoint(t)
	var got clusterAnswer
	e.do("CreateCluster", obj{"clusterName": "a", "somethingNew": []int{1}}, &got)
	if got.Cluster.ClusterName != "a" {
		t.Errorf("clusterName %q, want a", got.Cluster.ClusterName)
	}
}

func TestEveryAnswerHasAFreshRequestID(t *testing.T) {
	e := newEndpoint(t)
	first, second := e.call("ListClusters", obj{}), e.call("ListClusters", obj{})
	checkProtocolHeaders(t, first)
	if first.header.Get("x-amzn-RequestId") == second.header.Get("x-amzn-RequestId") {
		t.Error("two answers share a request ID")
	}
}

// TestBugsBecomeServerException checks the safety nets with operations that panic, fail
// with an error that is not an API error, or answer something that cannot be encoded.
func TestBugsBecomeServerException(t *testing.T) {
	e := newEndpoint(t)
	e.server.handlers["Explode"] = operation(func(*Server, *struct{}) (any, error) {
		panic("boom")
	})
	e.server.handlers["Fail"] = operation(func(*Server, *struct{}) (any, error) {
		return nil, errors.New("disk on fire")
	})
	e.server.handlers["Garble"] = operation(func(*Server, *struct{}) (any, error) {
		return func() {}, nil
	})

	for _, op := range []string{"Explode", "Fail", "Garble"} {
		checkError(t, e.call(op, obj{}), http.StatusInternalServerError, codeServer)
	}

	// The lock was released on the way out, so the endpoint still answers.
	if got := e.call("ListClusters", obj{}); got.status != http.StatusOK {
		t.Errorf("after a panic: status %d, want 200", got.status)
	}
}

// TestLogLinePerRequest checks that every request logs one line with what an operator needs.
func TestLogLinePerRequest(t *testing.T) {
	var logs bytes.Buffer
	s := New(Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, request("DeleteCluster", obj{"cluster": "nope"}))

	var line map[string]any
	if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
		t.Fatalf("log is not one JSON line: %v: %s", err, logs.Bytes())
	}
	want := map[string]any{"op": "DeleteCluster", "status": 400.0, "error": codeClusterNotFound}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("log %s = %v, want %v", k, line[k], v)
		}
	}
	if _, ok := line["duration"]; !ok {
		t.Error("log line has no duration")
	}
}
