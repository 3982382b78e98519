// Command sdkcheck tells what changes for the suite with another version of the AWS SDK's
// ECS client, without editing the project's go.mod: it copies the module to a temporary
// folder, requires the other version there (with the SDK core module that version asks
// for), runs the whole suite with each version against the same kind of endpoint, and
// compares the two runs as `conformance-report compare` does. It also checks the other
// version's serialised requests against the golden captures in fixtures/wire/sdk-requests.
//
//	go run ./harness/cmd/sdkcheck -version v1.104.0
//
// The endpoint is whatever the environment chooses (see the README); without a choice, the
// reference endpoint in process. The exit status is 1 when the other version regresses a
// spec or changes a serialised request, 0 otherwise.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ecs-conformance/deregister/harness/report"
	"github.com/ecs-conformance/deregister/harness/version"
)

func main() {
	other := flag.String("version", "", "the version of "+version.SDKModule+" to check, "+
		"e.g. v1.104.0")
	out := flag.String("out", "reports/sdk-check", "where the two run folders go")
	flag.Parse()
	if !strings.HasPrefix(*other, "v") {
		fmt.Fprintln(os.Stderr, "sdkcheck: want -version vX.Y.Z")
		os.Exit(2)
	}

	changed, err := run(*other, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sdkcheck:", err)
		os.Exit(2)
	}
	if changed {
		os.Exit(1)
	}
}

func run(other, out string) (changed bool, err error) {
	root, err := goOutput("", "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return false, err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return false, err
	}
	if err := os.RemoveAll(out); err != nil {
		return false, err
	}

	copyDir, err := os.MkdirTemp("", "sdkcheck-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(copyDir)
	if err := copyModule(root, copyDir); err != nil {
		return false, err
	}
	pinned, err := goOutput(root, "list", "-m", "-f", "{{.Version}}", version.SDKModule)
	if err != nil {
		return false, err
	}
	if err := requireSDK(copyDir, other); err != nil {
		return false, err
	}
	versions, err := goOutput(copyDir, "list", "-m", version.SDKModule, coreModule)
	if err != nil {
		return false, err
	}
	logf("the copy requires %s", strings.ReplaceAll(versions, "\n", " and "))

	pinnedRun := filepath.Join(out, "pinned-"+pinned)
	otherRun := filepath.Join(out, "other-"+other)
	logf("running the suite with %s %s (pinned)", version.SDKModule, pinned)
	if err := runSuite(root, pinnedRun); err != nil {
		return false, err
	}
	logf("running the suite with %s %s", version.SDKModule, other)
	if err := runSuite(copyDir, otherRun); err != nil {
		return false, err
	}

	older, err := report.LoadRun(pinnedRun)
	if err != nil {
		return false, err
	}
	newer, err := report.LoadRun(otherRun)
	if err != nil {
		return false, err
	}
	diff := report.Compare(older, newer)
	fmt.Print(diff.Text(pinnedRun, otherRun))

	requestsChanged, err := checkCaptures(copyDir, other)
	if err != nil {
		return false, err
	}
	return diff.ExitCode() != 0 || requestsChanged, nil
}

func logf(format string, args ...any) {
	fmt.Printf("sdkcheck: "+format+"\n", args...)
}
