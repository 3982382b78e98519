package reference

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzServeHTTP feeds arbitrary methods, X-Amz-Target values, content types and bodies
// through the whole request path: framing, routing, decoding and every operation. Whatever
// arrives, the reference must answer as ECS answers, never with a 5xx: a clean reference
// has no ServerException to give, and a panic would surface as one (see Server.invoke).
//
// Each input runs against a fresh endpoint holding one cluster ("fuzz"), one container
// instance with one RUNNING task, so that the operations reach past "not found". A body may
// name them through the placeholders $INSTANCE and $TASK, which the seeds use.
//
// The seed corpus is testdata/fuzz/FuzzServeHTTP: one well-formed request per operation and
// the malformed shapes the wire specs send. `make test` fuzzes for a few seconds, `make fuzz`
// for longer; a failing input is written to that folder and becomes a regression test.
func FuzzServeHTTP(f *testing.F) {
	f.Fuzz(func(t *testing.T, method, target, contentType string, body []byte) {
		e := newEndpoint(t)
		instance, task := fuzzFixture(e)
		body = bytes.ReplaceAll(body, []byte("$INSTANCE"), []byte(instance))
		body = bytes.ReplaceAll(body, []byte("$TASK"), []byte(task))

		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		if validMethod(method) {
			r.Method = method
		}
		r.Header.Set("X-Amz-Target", target)
		r.Header.Set("Content-Type", contentType)
		got := e.send(r)

		checkFuzzedAnswer(t, got)
	})
}

// fuzzFixture makes the fuzz endpoint's cluster, instance and task, and returns the
// instance's and the task's ARNs.
func fuzzFixture(e *endpoint) (instanceARN, taskARN string) {
	e.createCluster("fuzz")
	instance := e.registerInstance("fuzz", "i-0f0f0f0f0f0f0f0f0")
	definition := e.registerTaskDefinition("fuzz", 128, 128, 8080)
	task := e.startTask("fuzz", instance.ContainerInstanceArn, definition)
	e.reportRunning("fuzz", task.TaskArn)
	return instance.ContainerInstanceArn, task.TaskArn
}

// validMethod tells whether httptest can carry method: a token of at least one character.
func validMethod(method string) bool {
	if method == "" {
		return false
	}
	for _, c := range []byte(method) {
		if c <= ' ' || c >= 0x7f || bytes.IndexByte([]byte(`()<>@,;:\"/[]?={}`), c) >= 0 {
			return false
		}
	}
	return true
}

// checkFuzzedAnswer checks what every answer must be, whatever the request: no 5xx, the
// protocol's headers, a JSON object, and for an error its code in __type and in
// X-Amzn-ErrorType and a message.
func checkFuzzedAnswer(t *testing.T, got reply) {
	t.Helper()
	if got.status >= 500 {
		t.Fatalf("status %d; body %s", got.status, got.body)
	}
	checkProtocolHeaders(t, got)

	var answer map[string]any
	if err := json.Unmarshal(got.body, &answer); err != nil {
		t.Fatalf("status %d: the answer is not a JSON object: %v; body %s", got.status, err,
			got.body)
	}
	if got.status == http.StatusOK {
		return
	}

	code, _ := answer["__type"].(string)
	message, _ := answer["message"].(string)
	if code == "" || message == "" {
		t.Errorf("status %d: error without __type or message: %s", got.status, got.body)
	}
	if h := got.header.Get("X-Amzn-ErrorType"); h != code {
		t.Errorf("X-Amzn-ErrorType %q, __type %q", h, code)
	}
}
