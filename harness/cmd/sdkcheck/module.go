package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ecs-conformance/deregister/harness/suiterun"
	"github.com/ecs-conformance/deregister/harness/version"
)

// coreModule is the SDK's core module, which every service client requires at a minimum
// version of its own.
const coreModule = "github.com/aws/aws-sdk-go-v2"

// copyModule copies the module's files (tracked and untracked, but not ignored) from root
// to dir: the copy is what gets the other SDK version.
func copyModule(root, dir string) error {
	files, err := suiterun.Command(root, "git", "ls-files", "--cached", "--others",
		"--exclude-standard")
	if err != nil {
		return err
	}
	for _, name := range strings.Split(files, "\n") {
		if name == "" {
			continue
		}
		if err := copyFile(filepath.Join(root, name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if os.IsNotExist(err) {
		return nil // deleted in the work tree, not yet in git
	}
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// requireSDK makes the copy require version v of the ECS client, and the core module at the
// version that client asks for (which may be older than the project's).
func requireSDK(dir, v string) error {
	if _, err := goOutput(dir, "get", sdkAt(v)); err != nil {
		return err
	}
	graph, err := goOutput(dir, "mod", "graph")
	if err != nil {
		return err
	}
	prefix := sdkAt(v) + " " + coreModule + "@"
	for _, line := range strings.Split(graph, "\n") {
		if core, ok := strings.CutPrefix(line, prefix); ok {
			if _, err := goOutput(dir, "get", coreModule+"@"+core); err != nil {
				return err
			}
			break
		}
	}
	if _, err := goOutput(dir, "build", "./..."); err != nil {
		return fmt.Errorf("the suite does not build with %s: %w", sdkAt(v), err)
	}
	return nil
}

func sdkAt(v string) string { return version.SDKModule + "@" + v }

// goOutput runs the go command in dir and returns its trimmed output; errors carry stderr.
func goOutput(dir string, args ...string) (string, error) {
	return suiterun.Command(dir, "go", args...)
}
