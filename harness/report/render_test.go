package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMarkdownReport(t *testing.T) {
	md := Markdown(judgeFolder(t, "new-failure", "f5a"))
	for _, want := range []string{
		"# ECS DeregisterContainerInstance conformance: emulator",
		"| endpoint | http://127.0.0.1:46811 |",
		"| AWS SDK | v1.106.0 |",
		"**7 / 9 applicable specs passed (78%)**; gate: **FAILED**",
		"❌ failed: 1 · ⚠️ expected failure: 1",
		"## A. Deregistering an idle instance",
		"| ❌ failed | A7b |",
		"### A7b: failed",
		"At `suites/deregister/idle_test.go:75`:",
		"Reason: accepts an identifier with one path segment too many",
		"On the wire:",
		"“Deregisters an Amazon ECS container instance from the specified cluster.",
		"“beyond the page”",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// Natural order: A7b before A10 would need A10 in the run; check A4 before A7a instead,
	// and sections in table order.
	if strings.Index(md, "| A4 |") > strings.Index(md, "| A7a |") ||
		strings.Index(md, "## C.") > strings.Index(md, "## F.") {
		t.Errorf("specs or sections out of order")
	}
}

func TestHTMLReportIsSelfContained(t *testing.T) {
	page, err := HTML(judgeFolder(t, "new-failure", "f5a"))
	if err != nil {
		t.Fatal(err)
	}
	external := regexp.MustCompile(`(?i)<script|<link|src=|url\(|@import|https?://[a-z]`)
	for _, m := range external.FindAllString(page, -1) {
		// The endpoint under test is shown as text; nothing else may point outside.
		if !strings.HasPrefix(m, "http://1") {
			t.Errorf("the page refers to an outside resource: %q", m)
		}
	}
	for _, want := range []string{"<title>emulator: DeregisterContainerInstance",
		`<span class="badge failed">failed</span>`, "gate FAILED",
		"applicable specs passed (78%)", "on the wire (credentials redacted)"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestRunInfoRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	want := RunInfo{Target: "reference-embedded", Endpoint: "http://127.0.0.1:1",
		SDKVersion: "v1.106.0", SuiteVersion: "abc123",
		Date: time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)}
	if err := WriteRunInfo(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRunInfo(dir)
	if err != nil || got != want {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
	if _, err := ReadRunInfo(t.TempDir()); !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("a folder without run.json: got %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		next, ok := err.(interface{ Unwrap() error })
		if !ok || next.Unwrap() == nil {
			return err
		}
		err = next.Unwrap()
	}
}

func TestSummaryEndsWithTheHTMLPath(t *testing.T) {
	s := Summary(judgeFolder(t, "new-failure", "f5a"), "reports/latest/conformance.html")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) != 3 || lines[1] != "unexpected failures: A7b" ||
		lines[2] != "report: reports/latest/conformance.html" {
		t.Errorf("got:\n%s", s)
	}
}
