// Package report turns a conformance run into what its readers need: the spec catalogue
// checked in next to the suite, the run's conformance report in Markdown and HTML, the
// regression gate's verdict for CI, and the differences between two runs.
//
// A run folder holds Ginkgo's report.json and junit.xml, and run.json, the run's metadata
// written by the suite (see RunInfo). Everything this package writes goes into that folder.
package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The files of a run folder.
const (
	// GinkgoReportFile is Ginkgo's JSON report (--json-report=report.json).
	GinkgoReportFile = "report.json"

	// JUnitFile is Ginkgo's JUnit report (--junit-report=junit.xml).
	JUnitFile = "junit.xml"

	// RunInfoFile holds the run's metadata (RunInfo).
	RunInfoFile = "run.json"

	// MarkdownFile and HTMLFile are the conformance report written by Render.
	MarkdownFile = "conformance.md"
	HTMLFile     = "conformance.html"
)

// RunInfo is what a report says about the run besides its results: what was tested, with
// which versions, and when. The suite writes it with WriteRunInfo.
type RunInfo struct {
	// Target is the target's name ("reference-embedded", or the name in a target file).
	Target string `json:"target"`

	// TargetFile is the target file the run used, if any; the gate and the renderer read
	// its expected failures and capabilities when not told another file.
	TargetFile string `json:"targetFile,omitempty"`

	// Endpoint is the URL the suite talked to.
	Endpoint string `json:"endpoint"`

	// Image and ImageDigest name the container image serving the endpoint, if any.
	Image       string `json:"image,omitempty"`
	ImageDigest string `json:"imageDigest,omitempty"`

	// SDKVersion is the version of the AWS SDK for Go v2's ECS client the suite used.
	SDKVersion string `json:"sdkVersion"`

	// SuiteVersion identifies the suite: a module version or a VCS revision.
	SuiteVersion string `json:"suiteVersion"`

	// Date is when the run started.
	Date time.Time `json:"date"`
}

// WriteRunInfo writes info as run.json into the run folder dir, creating dir if needed.
func WriteRunInfo(dir string, info RunInfo) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the run folder: %w", err)
	}
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding %s: %w", RunInfoFile, err)
	}
	path := filepath.Join(dir, RunInfoFile)
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// ReadRunInfo reads run.json from the run folder dir. A run folder without one (a run made
// by plain ginkgo) gives an empty RunInfo and an error wrapping os.ErrNotExist.
func ReadRunInfo(dir string) (RunInfo, error) {
	var info RunInfo
	path := filepath.Join(dir, RunInfoFile)
	data, err := os.ReadFile(path)
	if err != nil {
		return info, fmt.Errorf("reading run metadata: %w", err)
	}
	if err := json.Unmarshal(data, &info); err != nil {
		return info, fmt.Errorf("%s: %w", path, err)
	}
	return info, nil
}
