package report

import (
	"fmt"
	"strings"
)

// GateText explains the gate's verdict to a person reading CI output: what failed
// unexpectedly, which expectations no spec has, which expected failures now pass, then a
// one-line verdict.
func GateText(v *Verdict, strict bool) string {
	var b strings.Builder
	target := v.targetName()

	for _, e := range v.Stale {
		fmt.Fprintf(&b, "error: %s: expected failure %s matches no spec of this suite: "+
			"remove it, or fix the ID\n", v.Target.Location(e), e.ID)
	}
	for _, f := range v.Run.SuiteFailures {
		fmt.Fprintf(&b, "FAIL outside any spec: %s\n", firstLine(f))
	}
	for _, s := range v.With(Failed) {
		fmt.Fprintf(&b, "FAIL %s %s\n     %s\n", s.ID, s.Text, firstLine(s.Message))
	}
	for _, s := range v.With(UnexpectedPass) {
		word := "note"
		if strict {
			word = "FAIL"
		}
		at := ""
		if e, ok := v.Target.Expects(s.ID); ok {
			at = " (" + v.Target.Location(e) + ")"
		}
		fmt.Fprintf(&b, "%s %s passes but is listed as an expected failure%s: "+
			"remove it from the target to tighten the baseline\n", word, s.ID, at)
	}

	passed, applicable := v.Score()
	fmt.Fprintf(&b, "gate %s: %s on %s: %d/%d passed, %d failed, %d expected failures, "+
		"%d unexpected passes, %d skipped, %d not applicable\n",
		verdictWord(v.ExitCode(strict)), v.Run.Dir, target, passed, applicable,
		v.Count(Failed), v.Count(ExpectedFailure), v.Count(UnexpectedPass), v.Count(Skipped),
		v.Count(NotApplicable))
	return b.String()
}

// verdictWord names an exit code.
func verdictWord(code int) string {
	switch code {
	case ExitOK:
		return "passed"
	case ExitFailed:
		return "FAILED"
	}
	return "ERROR"
}

// targetName is the target's name from the target file, else from run.json.
func (v *Verdict) targetName() string {
	switch {
	case v.Target != nil && v.Target.Name != "":
		return v.Target.Name
	case v.Run.Info.Target != "":
		return v.Run.Info.Target
	}
	return "an unnamed target"
}

// firstLine returns the first line of a message, for one-line listings.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
