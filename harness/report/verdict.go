package report

import (
	"fmt"
	"slices"

	"github.com/ecs-conformance/deregister/harness/target"
)

// Outcome is what a spec's result means for the target under test.
type Outcome string

// The outcomes, from the gate's point of view.
const (
	// Passed: the spec passed and was not expected to fail.
	Passed Outcome = "passed"

	// Failed: the spec failed and no expectation excuses it. The gate fails.
	Failed Outcome = "failed"

	// ExpectedFailure: the spec failed, as the target's expected failures say it does.
	ExpectedFailure Outcome = "expected failure"

	// UnexpectedPass: the spec passed although it is listed as an expected failure; the
	// baseline can be tightened. Fails the gate only in strict mode.
	UnexpectedPass Outcome = "unexpected pass"

	// Skipped: the spec did not run (filtered out, or it skipped itself).
	Skipped Outcome = "skipped"

	// NotApplicable: the spec needs a capability the target does not claim.
	NotApplicable Outcome = "not applicable"
)

// Outcomes lists the outcomes in the order reports show their counts.
var Outcomes = []Outcome{Passed, Failed, ExpectedFailure, UnexpectedPass, Skipped,
	NotApplicable}

// Judged is a spec's result with its outcome for the target.
type Judged struct {
	Result

	// Outcome is what the result means for the target.
	Outcome Outcome

	// Reason is the target's reason for an expected failure, or the missing capabilities
	// of a spec that is not applicable.
	Reason string
}

// Verdict is a run judged against a target: every spec's outcome, and what the gate needs.
type Verdict struct {
	// Run is the run judged.
	Run *Run

	// Target is the target judged against; nil judges every failure as unexpected and
	// every spec as applicable.
	Target *target.Target

	// Specs are the judged results, in catalogue order.
	Specs []Judged

	// Stale are the target's expected failures whose ID no spec of the run has.
	Stale []target.ExpectedFailure
}

// Judge judges a run against a target (nil for none).
func Judge(run *Run, tgt *target.Target) *Verdict {
	v := &Verdict{Run: run, Target: tgt}
	for _, res := range run.Results {
		v.Specs = append(v.Specs, judge(res, tgt))
	}
	if tgt != nil {
		for _, e := range tgt.ExpectedFailures {
			if !run.Catalogue.Has(e.ID) {
				v.Stale = append(v.Stale, e)
			}
		}
	}
	return v
}

// judge gives one result its outcome.
func judge(res Result, tgt *target.Target) Judged {
	j := Judged{Result: res}
	var missing []string
	if tgt != nil {
		for _, c := range res.Capabilities {
			if !tgt.Claims(c) {
				missing = append(missing, c)
			}
		}
	}
	var expected target.ExpectedFailure
	isExpected := false
	if tgt != nil {
		expected, isExpected = tgt.Expects(res.ID)
	}

	switch {
	case len(missing) > 0:
		// The suite skips such specs; should one run and fail anyway, the target never
		// claimed the capability, so the failure says nothing about it.
		j.Outcome, j.Reason = NotApplicable, fmt.Sprintf("needs %v", missing)
	case res.State == "skipped" || res.State == "pending":
		j.Outcome = Skipped
	case res.Failed() && isExpected:
		j.Outcome, j.Reason = ExpectedFailure, expected.Reason
	case res.Failed():
		j.Outcome = Failed
	case isExpected:
		j.Outcome, j.Reason = UnexpectedPass, expected.Reason
	default:
		j.Outcome = Passed
	}
	return j
}

// Count returns how many specs have the outcome.
func (v *Verdict) Count(o Outcome) int {
	n := 0
	for _, s := range v.Specs {
		if s.Outcome == o {
			n++
		}
	}
	return n
}

// With returns the specs with one of the outcomes, in catalogue order.
func (v *Verdict) With(outcomes ...Outcome) []Judged {
	var out []Judged
	for _, s := range v.Specs {
		if slices.Contains(outcomes, s.Outcome) {
			out = append(out, s)
		}
	}
	return out
}

// Score returns the specs that passed (unexpected passes included) and the applicable
// ones: every spec but those not applicable. A skipped spec is applicable and did not pass:
// a behaviour nobody checked is not conformance.
func (v *Verdict) Score() (passed, applicable int) {
	passed = v.Count(Passed) + v.Count(UnexpectedPass)
	applicable = len(v.Specs) - v.Count(NotApplicable)
	return passed, applicable
}

// Exit codes of the gate.
const (
	ExitOK      = 0 // every failure is expected
	ExitFailed  = 1 // an unexpected failure, a failure outside specs, or (strict) an unexpected pass
	ExitInvalid = 2 // the target's expectations do not fit the suite: an ID no spec has
)

// ExitCode is the gate's verdict: ExitInvalid for stale expectations (the baseline is wrong,
// whatever the results), ExitFailed for unexpected failures, failures outside specs or,
// when strict, unexpected passes, else ExitOK.
func (v *Verdict) ExitCode(strict bool) int {
	switch {
	case len(v.Stale) > 0:
		return ExitInvalid
	case v.Count(Failed) > 0 || len(v.Run.SuiteFailures) > 0:
		return ExitFailed
	case strict && v.Count(UnexpectedPass) > 0:
		return ExitFailed
	}
	return ExitOK
}
