package wire

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// goldenDir holds one capture per operation the suite sends through the SDK. Refresh them
// after a deliberate SDK upgrade with UPDATE_GOLDEN=1 go test ./harness/wire.
const goldenDir = "../../fixtures/wire/sdk-requests"

// stableHeaders are the headers whose values are part of the contract; the others differ
// from one request or SDK build to the next, so only their names are kept.
var stableHeaders = []string{"Content-Type", "X-Amz-Target"}

// TestSDKRequestsMatchGoldenCaptures sends each operation the suite uses through the SDK, as
// the suite calls it, to a capturing client, and compares what would go on the wire with the
// checked-in capture: a change after an SDK upgrade shows here, operation by operation.
func TestSDKRequestsMatchGoldenCaptures(t *testing.T) {
	for name, call := range suiteCalls() {
		t.Run(name, func(t *testing.T) {
			got := capture(t, call)
			path := filepath.Join(goldenDir, name+".txt")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden capture (UPDATE_GOLDEN=1 writes it): %v", err)
			}
			if got != string(want) {
				t.Errorf("the SDK's %s request changed:\n--- golden\n%s\n--- now\n%s", name,
					want, got)
			}
		})
	}
}

// capture runs call against a client whose HTTP client records the request and answers
// 200 {} without sending anything, and returns the request in its normalised text form.
func capture(t *testing.T, call func(context.Context, *ecs.Client) error) string {
	t.Helper()
	var captured string
	doer := doFunc(func(req *http.Request) (*http.Response, error) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		captured = normalisedRequest(req, body)
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {
			awsclient.ContentType}}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
	})
	client := awsclient.NewECS(awsclient.Endpoint{URL: "http://127.0.0.1:1"},
		func(o *ecs.Options) { o.HTTPClient = doer })
	if err := call(context.Background(), client); err != nil {
		t.Fatalf("the call failed before anything was sent: %v", err)
	}
	return captured
}

func normalisedRequest(req *http.Request, body []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", req.Method, req.URL.Path)

	names := make([]string, 0, len(req.Header))
	for name := range req.Header {
		names = append(names, http.CanonicalHeaderKey(name))
	}
	slices.Sort(names)
	for _, name := range names {
		if slices.Contains(stableHeaders, name) {
			fmt.Fprintf(&b, "%s: %s\n", name, req.Header.Get(name))
		} else {
			fmt.Fprintf(&b, "%s: <varies>\n", name)
		}
	}

	var decoded any
	if err := json.Unmarshal(body, &decoded); err != nil {
		fmt.Fprintf(&b, "\n%s\n", body)
		return b.String()
	}
	var indented bytes.Buffer
	encoder := json.NewEncoder(&indented)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	_ = encoder.Encode(Normalise(decoded)) // idempotency tokens differ on every call
	fmt.Fprintf(&b, "\n%s", indented.String())
	return b.String()
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(req *http.Request) (*http.Response, error) { return f(req) }
