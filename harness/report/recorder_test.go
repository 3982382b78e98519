package report

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecorderKeepsRedactedExchanges(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"echo":` + string(body) + `}`))
	}))
	defer server.Close()

	var recorder Recorder
	client := &http.Client{Transport: recorder.Wrap(http.DefaultTransport)}
	req, _ := http.NewRequest(http.MethodPost, server.URL, strings.NewReader(`{"a":1}`))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if string(body) != `{"echo":{"a":1}}` {
		t.Errorf("the recorder changed what the client read: %s", body)
	}

	taken := recorder.Take()
	if len(taken) != 1 {
		t.Fatalf("took %d exchanges, want 1", len(taken))
	}
	x := taken[0]
	if x.Request.Body != `{"a":1}` || x.Response.Status != 400 ||
		x.Response.Body != `{"echo":{"a":1}}` {
		t.Errorf("recorded %+v", x)
	}
	if strings.Contains(x.String(), "AKIAIOSFODNN7EXAMPLE") {
		t.Errorf("the Authorization header survived: %s", x)
	}
	if again := recorder.Take(); len(again) != 0 {
		t.Errorf("Take did not forget: %d left", len(again))
	}
}

func TestRecorderClipsLongBodiesAndKeepsTheLast(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer server.Close()

	var recorder Recorder
	client := &http.Client{Transport: recorder.Wrap(http.DefaultTransport)}
	for range maxExchanges + 5 {
		resp, err := client.Post(server.URL, "text/plain", strings.NewReader(
			strings.Repeat("x", maxBodyBytes+10)))
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
	}
	taken := recorder.Take()
	if len(taken) != maxExchanges {
		t.Errorf("kept %d exchanges, want %d", len(taken), maxExchanges)
	}
	if !strings.HasSuffix(taken[0].Request.Body, "[10 more bytes]") {
		t.Errorf("a long body was not clipped: ...%s", taken[0].Request.Body[maxBodyBytes-5:])
	}
}
