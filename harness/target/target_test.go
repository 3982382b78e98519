package target

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestShippedTargetsAreValid(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/targets/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("want the shipped targets in fixtures/targets, got %v (%v)", files, err)
	}
	for _, file := range files {
		tgt, err := Load(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if !tgt.Claims("default-cluster") || !tgt.Claims("task-state") {
			t.Errorf("%s: the reference claims default-cluster and task-state", file)
		}
	}
}

func TestGoodTarget(t *testing.T) {
	tgt, err := Load("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if tgt.Name != "emulator" || tgt.Endpoint.URL != "http://127.0.0.1:4566" ||
		tgt.Registration != RegistrationEC2First || tgt.Readiness != ReadinessListClusters {
		t.Errorf("got %+v", tgt)
	}
	if e, ok := tgt.Expects("C6"); !ok || e.Line != 7 || e.Reason == "" {
		t.Errorf("C6: got %+v %v, want the entry on line 7", e, ok)
	}
	if _, ok := tgt.Expects("F5b"); ok {
		t.Errorf("F5b: expected, but only F5a is listed")
	}
	if e, ok := tgt.Expects("F5a"); !ok || tgt.Location(e) != "testdata/good.yaml:9" {
		t.Errorf("F5a: got %+v %v", e, ok)
	}
}

func TestRowEntryCoversItsSpecs(t *testing.T) {
	tgt := &Target{ExpectedFailures: []ExpectedFailure{{ID: "A7", Reason: "r"}}}
	for _, id := range []string{"A7", "A7a", "A7b"} {
		if _, ok := tgt.Expects(id); !ok {
			t.Errorf("%s: not covered by the row entry A7", id)
		}
	}
	if _, ok := tgt.Expects("A70"); ok {
		t.Errorf("A70 must not match A7")
	}
}

func TestImageDefaults(t *testing.T) {
	tgt, err := Load("testdata/image.yaml")
	if err != nil {
		t.Fatal(err)
	}
	img := tgt.Endpoint.Image
	if img == nil || img.Port != "4566/tcp" || img.StartupTimeout != 60*time.Second ||
		img.Cmd != nil || img.Env != nil {
		t.Errorf("got %+v", img)
	}
}

// TestErrorsNameFileLineAndKey checks each bad file reports every problem it has, each as
// "file:line: key: problem".
func TestErrorsNameFileLineAndKey(t *testing.T) {
	cases := map[string][]string{
		"testdata/bad.yaml": {
			"bad.yaml:3: endpoint.url: want an http:// or https:// URL",
			"bad.yaml:4: endpoint.colour: unknown key",
			"bad.yaml:5: readiness: want one of ListClusters, got \"Ping\"",
			"bad.yaml:6: registration: want one of synthetic, ec2-first",
			"bad.yaml:7: capabilities[1]: unknown capability \"teleport\"",
			"bad.yaml:7: capabilities[2]: capability \"task-state\" repeats",
			"bad.yaml:9: expected_failures[0].id: want a behaviour ID",
			"bad.yaml:11: expected_failures[1].reason: required key is missing",
			"bad.yaml:13: expected_failures[2].reason: must not be empty",
			"bad.yaml:14: expected_failures[2].note: unknown key",
		},
		"testdata/bad-image.yaml": {
			"bad-image.yaml:5: endpoint.image.port: want a string, got a number (8080)",
			"bad-image.yaml:7: endpoint.image.env.DEBUG: want a string, got a number (1)",
			"bad-image.yaml:8: endpoint.image.cmd: want a list",
			"bad-image.yaml:9: endpoint.image.startup_timeout: want a positive duration",
			"bad-image.yaml:10: capabilities: want a list",
		},
		"testdata/two-endpoints.yaml": {
			"two-endpoints.yaml:3: endpoint: give exactly one of url, image, reference (got 2)",
		},
		"testdata/missing.yaml": {
			"missing.yaml:1: name: required key is missing",
			"missing.yaml:3: endpoint.image.ref: required key is missing",
			"missing.yaml:3: endpoint.image.port: want a port as N/tcp with N in 1-65535",
		},
	}
	for file, want := range cases {
		_, err := Load(file)
		if err == nil {
			t.Errorf("%s: no error", file)
			continue
		}
		got := strings.Split(err.Error(), "\n")
		if len(got) != len(want) {
			t.Errorf("%s: got %d problems, want %d:\n%v", file, len(got), len(want), err)
		}
		for _, w := range want {
			if !slices.ContainsFunc(got, func(g string) bool {
				return strings.HasPrefix(g, "testdata/"+w)
			}) {
				t.Errorf("%s: no problem starting %q in:\n%v", file, w, err)
			}
		}
	}
}

func TestSyntaxErrorNamesTheFile(t *testing.T) {
	_, err := Parse("broken.yaml", []byte("name: [unclosed"))
	if err == nil || !strings.HasPrefix(err.Error(), "broken.yaml: yaml: line 1") {
		t.Errorf("got %v", err)
	}
}
