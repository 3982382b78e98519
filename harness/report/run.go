package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/onsi/ginkgo/v2/types"
)

// Run is one run folder, read: its metadata, the catalogue of its specs, the result of each
// spec, and failures outside any spec (a BeforeSuite that failed, an aborted suite).
type Run struct {
	// Dir is the run folder.
	Dir string

	// Info is run.json; zero fields when the folder has none.
	Info RunInfo

	// Catalogue is every spec of the run, run or not, sorted by ID.
	Catalogue Catalogue

	// Results are the specs' results, in catalogue order.
	Results []Result

	// SuiteFailures describe failures outside specs, which no expectation can excuse.
	SuiteFailures []string
}

// Result is what became of one spec in a run.
type Result struct {
	Spec

	// State is Ginkgo's state of the spec: passed, failed, skipped, pending, panicked,
	// interrupted, aborted or timedout.
	State string

	// Message is the failure message, or the reason given for a skip.
	Message string

	// Location is where the failure happened, file:line relative to the module root.
	Location string

	// Wire is the spec's wire exchanges, redacted (only failing specs carry them).
	Wire Exchanges

	// RunTime is how long the spec took.
	RunTime time.Duration
}

// Failed reports whether the spec ended in any failing state.
func (r Result) Failed() bool {
	return r.State != "passed" && r.State != "skipped" && r.State != "pending"
}

// LoadRun reads the run folder dir: report.json must be there, run.json may be missing.
func LoadRun(dir string) (*Run, error) {
	reports, err := ReadGinkgoReport(filepath.Join(dir, GinkgoReportFile))
	if err != nil {
		return nil, err
	}

	info, err := ReadRunInfo(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if info.Date.IsZero() && len(reports) > 0 {
		info.Date = reports[0].StartTime
	}

	run := &Run{Dir: dir, Info: info}
	// A run's catalogue problems are the catalogue test's business, not the reader's: the
	// run is reported as it is.
	run.Catalogue, _ = CatalogueFrom(reports)
	byPlace := map[string]types.SpecReport{}
	for _, suite := range reports {
		root := moduleRoot(suite.SuitePath)
		for _, r := range suite.SpecReports {
			if r.LeafNodeType != types.NodeTypeIt {
				if r.Failed() {
					run.SuiteFailures = append(run.SuiteFailures, fmt.Sprintf("%s at %s:%d: %s",
						r.LeafNodeType, relative(root, r.FailureLocation().FileName),
						r.FailureLocation().LineNumber, RedactText(r.FailureMessage())))
				}
				continue
			}
			byPlace[place(relative(root, r.LeafNodeLocation.FileName),
				r.LeafNodeLocation.LineNumber)] = r
		}
		run.SuiteFailures = append(run.SuiteFailures, suite.SpecialSuiteFailureReasons...)
	}

	for _, spec := range run.Catalogue {
		r := byPlace[place(spec.File, spec.Line)]
		run.Results = append(run.Results, resultOf(spec, r, moduleRootOf(reports)))
	}
	return run, nil
}

// resultOf reads a spec's result from its Ginkgo report.
func resultOf(spec Spec, r types.SpecReport, root string) Result {
	res := Result{Spec: spec, State: r.State.String(), RunTime: r.RunTime,
		Message: RedactText(r.FailureMessage())}
	if r.Failed() {
		loc := r.FailureLocation()
		res.Location = fmt.Sprintf("%s:%d", relative(root, loc.FileName), loc.LineNumber)
	}
	for _, entry := range r.ReportEntries {
		if entry.Name != WireEntry {
			continue
		}
		var xs Exchanges
		if err := json.Unmarshal([]byte(entry.Value.AsJSON), &xs); err != nil {
			res.Message += fmt.Sprintf("\n(the %q report entry is unreadable: %v)", WireEntry,
				err)
			continue
		}
		// Redacted again on reading, in case a suite attached exchanges unredacted.
		res.Wire = append(res.Wire, Redact(xs)...)
	}
	return res
}

// place identifies a spec by where it is defined: each It and each table Entry has its own
// line, and IDs may be missing or repeated in a broken suite.
func place(file string, line int) string {
	return fmt.Sprintf("%s:%d", file, line)
}

// moduleRootOf returns the module root of the first suite of reports.
func moduleRootOf(reports []types.Report) string {
	if len(reports) == 0 {
		return ""
	}
	return moduleRoot(reports[0].SuitePath)
}
