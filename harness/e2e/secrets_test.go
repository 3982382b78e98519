package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ecs-conformance/deregister/harness/reference"
)

// Real-looking credentials (AWS's documentation example): an access key ID and a secret
// access key of the shapes the redaction must recognise without being told them.
const (
	leakKeyID  = "AKIAIOSFODNN7EXAMPLE"
	leakSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

// leaks are what no output may contain: the key, the secret, and a SigV4 signature or
// credential scope (which would show that an Authorization value escaped redaction).
var leaks = []*regexp.Regexp{
	regexp.MustCompile(regexp.QuoteMeta(leakKeyID)),
	regexp.MustCompile(regexp.QuoteMeta(leakSecret)),
	regexp.MustCompile(`AWS4-HMAC-SHA256 `),
	regexp.MustCompile(`Signature=[0-9a-f]{64}`),
	regexp.MustCompile(`Credential=[A-Z0-9]{16,}/`),
}

// TestNoOutputHoldsASecret runs the suite signing every request with real-looking
// credentials, against the in-process reference verifying them and broken so that a dozen
// specs fail (a failing spec's report carries its wire exchanges, Authorization headers
// included, before redaction). The same credentials sit in AWS's environment variables.
// Then it renders the reports and searches the console output and every file of the run
// folder for the key, the secret and any signature.
func TestNoOutputHoldsASecret(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the whole suite")
	}
	ctx, cancel := context.WithTimeout(context.Background(), runLimit)
	defer cancel()
	binary := buildSuite(t)
	reports := t.TempDir()

	suite := exec.CommandContext(ctx, binary, "-ginkgo.no-color", "-ginkgo.v",
		"-ginkgo.json-report="+filepath.Join(reports, "report.json"),
		"-ginkgo.junit-report="+filepath.Join(reports, "junit.xml"))
	suite.Dir = t.TempDir()
	suite.Env = append(os.Environ(),
		"ECS_CONFORMANCE_REPORTS="+reports,
		"ECS_CONFORMANCE_REFERENCE=in-process",
		"ECS_CONFORMANCE_REFERENCE_DEFECTS="+string(reference.DefectAnswersActive),
		"ECS_CONFORMANCE_REFERENCE_SIGV4=yes",
		"ECS_CONFORMANCE_CREDENTIALS="+leakKeyID+":"+leakSecret,
		// The guard refuses AWS credentials with no endpoint named; the run talks only to
		// the in-process reference, so the opt-in is safe here.
		"AWS_ACCESS_KEY_ID="+leakKeyID, "AWS_SECRET_ACCESS_KEY="+leakSecret,
		"ECS_CONFORMANCE_ALLOW_REAL_AWS=yes")
	console, err := suite.CombinedOutput()
	if err == nil || !strings.Contains(string(console), "[FAIL]") {
		t.Fatalf("the run should fail specs (exit %v):\n%s", err, console)
	}
	if strings.Contains(string(console), "SignatureException") {
		t.Fatalf("the reference refused the suite's signatures:\n%s", console)
	}

	render := exec.CommandContext(ctx, "go", "run", "./harness/cmd/conformance-report",
		"render", "-run", reports)
	render.Dir = repositoryRoot(t)
	rendered, err := render.CombinedOutput()
	if err != nil {
		t.Fatalf("rendering the reports: %v\n%s", err, rendered)
	}

	outputs := map[string]string{"console": string(console), "render": string(rendered)}
	err = filepath.WalkDir(reports, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		outputs[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"report.json", "junit.xml", "conformance.md",
		"conformance.html", "run.json"} {
		if _, ok := outputs[filepath.Join(reports, name)]; !ok {
			t.Errorf("the run folder has no %s", name)
		}
	}
	if !strings.Contains(outputs[filepath.Join(reports, "report.json")], "Authorization") {
		t.Error("report.json records no Authorization header: the exchanges were not recorded")
	}

	for name, text := range outputs {
		for _, leak := range leaks {
			if at := leak.FindStringIndex(text); at != nil {
				t.Errorf("%s contains %q: ...%s...", name, leak, text[max(0, at[0]-80):at[1]])
			}
		}
	}
}
