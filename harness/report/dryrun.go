package report

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/onsi/ginkgo/v2/types"
)

// CataloguePath is where the catalogue is checked in, relative to the module root.
const CataloguePath = "suites/deregister/catalogue.md"

// ModuleRoot returns the folder of the main module, as the go command sees it from the
// current folder.
func ModuleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root with go list -m: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// DryRun lists the suite's specs without running them: ginkgo --dry-run, at the version
// pinned in go.mod, over ./suites/... from the module root, read back from its JSON report.
func DryRun(ctx context.Context, root string) ([]types.Report, error) {
	dir, err := os.MkdirTemp("", "conformance-dry-run-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	cmd := exec.CommandContext(ctx, "go", "run", "github.com/onsi/ginkgo/v2/ginkgo",
		"--dry-run", "--no-color", "--output-dir="+dir, "--json-report=dry-run.json",
		"./suites/...")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("ginkgo --dry-run in %s: %w\n%s", root, err, out)
	}
	return ReadGinkgoReport(filepath.Join(dir, "dry-run.json"))
}

// ReadGinkgoReport reads a Ginkgo JSON report file.
func ReadGinkgoReport(path string) ([]types.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the Ginkgo report: %w", err)
	}
	var reports []types.Report
	if err := json.Unmarshal(data, &reports); err != nil {
		return nil, fmt.Errorf("%s: not a Ginkgo JSON report: %w", path, err)
	}
	return reports, nil
}
