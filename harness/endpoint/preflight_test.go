package endpoint

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

func preflight(t *testing.T, url string) error {
	t.Helper()
	return Preflight(context.Background(), awsclient.NewECS(awsclient.Endpoint{URL: url}), url)
}

func TestPreflightNamesTheEndpointAndTheCause(t *testing.T) {
	closed := closedPort(t)

	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte("<html>oops</html>"))
	}))
	defer failing.Close()

	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"AccessDeniedException","message":"no"}`))
	}))
	defer refusing.Close()

	cases := []struct {
		url       string
		wantCause string
	}{
		{closed, "connection refused"},
		{failing.URL, "HTTP 500"},
		{refusing.URL, "HTTP 400 AccessDeniedException"},
	}
	for _, c := range cases {
		err := preflight(t, c.url)
		if err == nil {
			t.Errorf("Preflight(%s) succeeded", c.url)
			continue
		}
		if !strings.Contains(err.Error(), c.url) || !strings.Contains(err.Error(), c.wantCause) {
			t.Errorf("Preflight(%s) = %q, want it to name the endpoint and %q", c.url, err,
				c.wantCause)
		}
	}
}

func TestPreflightGivesUpOnASilentEndpoint(t *testing.T) {
	release := make(chan struct{})
	silent := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		<-release
	}))
	defer silent.Close()
	defer close(release)

	start := time.Now()
	err := preflight(t, silent.URL)
	if err == nil || !strings.Contains(err.Error(), "no answer within") {
		t.Fatalf("Preflight = %v, want a time-out", err)
	}
	// Not a speed target: a bound that tells a give-up from a hang.
	if elapsed := time.Since(start); elapsed > 3*PreflightTimeout {
		t.Errorf("Preflight took %s to give up", elapsed)
	}
}

// closedPort returns the URL of a loopback port where nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + listener.Addr().String()
	_ = listener.Close()
	return url
}
