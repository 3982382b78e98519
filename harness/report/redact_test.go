package report

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The secrets planted in testdata/runs/new-failure: AWS's documented example keys, a
// session token and a SigV4 signature.
var planted = []string{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAIOSFODNN7EXAMPLE",
	"FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
	"5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"}

func TestRedactExchange(t *testing.T) {
	x := Exchanges{{
		Request: WireRequest{Method: "POST",
			URL: "https://ecs.example/?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2026&a=1",
			Headers: http.Header{"Authorization": {"AWS4-HMAC-SHA256 Credential=x"},
				"X-Amz-Security-Token": {planted[2]}, "X-Amz-Target": {"Deregister"}},
			Body: `{"containerInstance":"abc","secretAccessKey":"` + planted[0] + `"}`},
		Response: WireResponse{Status: 400, Body: `{"message":"key ` + planted[1] +
			` and AWS_SECRET_ACCESS_KEY=` + planted[0] + `"}`},
	}}
	text := Redact(x).String() + x.String()
	for _, secret := range append(planted[:3], "Credential=x") {
		if strings.Contains(text, secret) {
			t.Errorf("%q survived redaction:\n%s", secret, text)
		}
	}
	for _, kept := range []string{"X-Amz-Target: Deregister", `"containerInstance":"abc"`,
		"a=1", "HTTP 400 Bad Request"} {
		if !strings.Contains(text, kept) {
			t.Errorf("%q was lost:\n%s", kept, text)
		}
	}
	if x[0].Request.Headers.Get("Authorization") == Redacted {
		t.Errorf("Redact changed its input")
	}
}

func TestRedactLeavesIdentifiersAlone(t *testing.T) {
	for _, s := range []string{
		"arn:aws:ecs:us-east-1:000000000000:container-instance/c-1/" +
			"a1b2c3d4e5f60718293a4b5c6d7e8f90",
		"task/abcdefgh/0123456789abcdef0123456789abcdef", // 41 lowercase and digits
		`{"nextToken":"abc"}`,
	} {
		if got := RedactText(s); got != s {
			t.Errorf("RedactText(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestRenderedReportsHoldNoSecret renders a run whose report entry carries unredacted
// secrets (as a careless suite would attach them) and greps every output for them.
func TestRenderedReportsHoldNoSecret(t *testing.T) {
	v := judgeFolder(t, "new-failure", "f5a")
	v.Run.Dir = t.TempDir()
	htmlPath, err := Render(v)
	if err != nil {
		t.Fatal(err)
	}
	outputs := GateText(v, false) + Summary(v, htmlPath)
	for _, name := range []string{MarkdownFile, HTMLFile} {
		data, err := os.ReadFile(filepath.Join(v.Run.Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		outputs += string(data)
	}
	for _, secret := range planted {
		if strings.Contains(outputs, secret) {
			t.Errorf("secret %q is in the rendered reports", secret)
		}
	}
	if !strings.Contains(outputs, "Authorization: "+Redacted) {
		t.Errorf("the redacted Authorization header is not shown")
	}
}
