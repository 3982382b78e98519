package main

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// runSuite runs the suite of the module at dir into the run folder out. Failing specs are
// what the comparison is for, so the suite's own exit status is not an error; a run that
// left no report is.
func runSuite(dir, out string) error {
	cmd := exec.Command("go", "run", "github.com/onsi/ginkgo/v2/ginkgo", "-p", "--no-color",
		"--output-dir="+out, "--json-report=report.json", "--junit-report=junit.xml",
		"./suites/...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ECS_CONFORMANCE_REPORTS="+out,
		"ECS_CONFORMANCE_REFERENCE="+cmp.Or(os.Getenv("ECS_CONFORMANCE_REFERENCE"), "in-process"))
	output, _ := cmd.CombinedOutput()

	if _, err := os.Stat(out + "/report.json"); err != nil {
		return fmt.Errorf("the suite in %s left no report:\n%s", dir, output)
	}
	return nil
}

// checkCaptures runs the golden-capture test of the serialised requests in the copy, and
// prints which requests the other version sends differently.
func checkCaptures(dir, v string) (changed bool, err error) {
	cmd := exec.Command("go", "test", "-count=1", "-run", "TestSDKRequestsMatchGoldenCaptures",
		"./harness/wire")
	cmd.Dir = dir
	output, err := cmd.CombinedOutput()
	if err == nil {
		fmt.Printf("serialised requests with %s: no change\n", v)
		return false, nil
	}
	if _, isExit := err.(*exec.ExitError); !isExit {
		return false, err
	}
	fmt.Printf("serialised requests with %s: CHANGED\n%s", v,
		strings.TrimSpace(string(output))+"\n")
	return true, nil
}
