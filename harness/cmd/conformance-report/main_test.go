package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The recorded run folders and targets of the report package's tests.
const (
	runs    = "../../report/testdata/runs/"
	targets = "../../report/testdata/targets/"
)

func TestCommands(t *testing.T) {
	cases := []struct {
		name string
		args []string
		exit int
		want string
	}{
		{"no command", nil, 2, "usage:"},
		{"unknown command", []string{"publish"}, 2, `unknown command "publish"`},
		{"gate without a run", []string{"gate", "-target", targets + "none.yaml"}, 2,
			"want -run DIR"},
		{"gate without target: every spec must pass", []string{"gate", "-run",
			runs + "new-failure"}, 1, "gate FAILED"},
		{"gate, all pass", []string{"gate", "-run", runs + "all-pass", "-target",
			targets + "none.yaml"}, 0, "gate passed"},
		{"gate, new failure", []string{"gate", "-run", runs + "new-failure", "-target",
			targets + "f5a.yaml"}, 1, "FAIL A7b"},
		{"gate, expected failure", []string{"gate", "-run", runs + "expected-failure",
			"-target", targets + "f5a.yaml"}, 0, "1 expected failures"},
		{"gate, unexpected pass", []string{"gate", "-run", runs + "all-pass", "-target",
			targets + "f5a.yaml"}, 0, "note F5a passes"},
		{"gate, unexpected pass, strict", []string{"gate", "-strict", "-run", runs + "all-pass",
			"-target", targets + "f5a.yaml"}, 1, "FAIL F5a passes"},
		{"gate, stale expectation", []string{"gate", "-run", runs + "all-pass", "-target",
			targets + "stale.yaml"}, 2, "expected failure D1 matches no spec"},
		{"gate, bad target file", []string{"gate", "-run", runs + "all-pass", "-target",
			"../../target/testdata/bad.yaml"}, 2, "bad.yaml:4: endpoint.colour: unknown key"},
		{"gate, no run", []string{"gate", "-run", runs + "nowhere", "-target",
			targets + "none.yaml"}, 2, "reading the Ginkgo report"},
		{"compare, regression", []string{"compare", runs + "all-pass", runs + "new-failure"},
			1, "2 regressions"},
		{"compare, fix", []string{"compare", runs + "new-failure", runs + "expected-failure"},
			0, "fixes (failed, now pass):\n  A7b"},
		{"compare, one folder", []string{"compare", runs + "all-pass"}, 2, "want two"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			exit := run(c.args, &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if exit != c.exit || !strings.Contains(out, c.want) {
				t.Errorf("exit %d, want %d; output lacks %q?\n%s", exit, c.exit, c.want, out)
			}
		})
	}
}

func TestRenderWritesIntoTheRunFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"report.json", "run.json"} {
		data, err := os.ReadFile(runs + "new-failure/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	var stdout, stderr bytes.Buffer
	exit := run([]string{"render", "-run", dir, "-target", targets + "f5a.yaml"}, &stdout,
		&stderr)
	if exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if want := "report: " + filepath.Join(dir, "conformance.html"); lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
	for _, name := range []string{"conformance.md", "conformance.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
}

func TestCatalogueFromAGivenDryRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "catalogue.md")
	var stdout, stderr bytes.Buffer
	// A recorded run is a Ginkgo report like a dry run's; it has only nine specs, so the
	// page's coverage check finds sentences no spec checks, and nothing is written.
	exit := run([]string{"catalogue", "-dry-run-json", runs + "all-pass/report.json", "-o",
		out}, &stdout, &stderr)
	if exit != 1 || !strings.Contains(stdout.String(), "no spec checks it") {
		t.Errorf("exit %d, output:\n%s%s", exit, stdout.String(), stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a catalogue with problems was written")
	}
}
