package reference

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestListenServesOverTCP runs the endpoint on a free port, as the command does, and checks
// a ListClusters round trip and that Close can be called twice.
func TestListenServesOverTCP(t *testing.T) {
	running, err := New(Options{}).Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = running.Close() })
	if !strings.HasPrefix(running.URL, "http://127.0.0.1:") {
		t.Errorf("URL %s, want http://127.0.0.1:PORT", running.URL)
	}

	r, err := http.NewRequest(http.MethodPost, running.URL+"/", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("X-Amz-Target", targetPrefix+"ListClusters")
	r.Header.Set("Content-Type", jsonContentType)
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || string(body) != `{"clusterArns":[]}` {
		t.Errorf("ListClusters: %d %s", resp.StatusCode, body)
	}

	if err := running.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := running.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := http.DefaultClient.Do(r); err == nil {
		t.Error("the endpoint still answers after Close")
	}
}

func TestListenRefusesABusyAddress(t *testing.T) {
	running, err := New(Options{}).Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = running.Close() })

	if _, err := New(Options{}).Listen(strings.TrimPrefix(running.URL, "http://")); err == nil {
		t.Error("a second Listen on the same address succeeded")
	}
}

// TestCloseDoesNotWaitForSilentConnections checks that a connection which never sends a
// request does not hold Close up: net/http would wait 5 seconds for it.
func TestCloseDoesNotWaitForSilentConnections(t *testing.T) {
	running, err := New(Options{}).Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(running.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	time.Sleep(50 * time.Millisecond) // let the server accept it

	start := time.Now()
	if err := running.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Close took %s with one silent connection open", took)
	}
}
