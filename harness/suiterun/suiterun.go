// Package suiterun holds what the project's tools that run the compiled conformance suite
// share (the self-check, the flake check, the SDK check): finding the module, building the
// suite once, the environment a run against the reference gets, and the end of an output.
package suiterun

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// SuitePackage is the package of the conformance suite, relative to the module's root.
const SuitePackage = "./suites/deregister"

// Command runs name with args in dir and returns its trimmed standard output; an error
// carries the command and its standard error.
func Command(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err,
			strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// ModuleRoot returns the folder of the module the current directory belongs to.
func ModuleRoot() (string, error) {
	root, err := Command("", "go", "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return "", fmt.Errorf("finding the module: %w", err)
	}
	return root, nil
}

// BuildSuite compiles the suite of the module at root into binary, so that every run of it
// starts at once.
func BuildSuite(root, binary string) error {
	if _, err := Command(root, "go", "test", "-c", "-o", binary, SuitePackage); err != nil {
		return fmt.Errorf("building the suite: %w", err)
	}
	return nil
}

// ReferenceEnvironment is this process's environment without the settings that would send
// the suite anywhere but the project's reference endpoint.
func ReferenceEnvironment() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "ECS_CONFORMANCE_") || strings.HasPrefix(kv, "AWS_ENDPOINT_URL") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// Tail returns the last lines of an output, for an error message.
func Tail(out []byte, lines int) string {
	all := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}
