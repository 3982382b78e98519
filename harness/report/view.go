package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// view is a verdict laid out for the Markdown and HTML renderers, so that both show the
// same things in the same order and neither template computes anything.
type view struct {
	Target, Endpoint, Image, Digest, SDK, Suite, Date string
	Passed, Applicable                                int
	Percent                                           string
	Gate                                              string
	GateClass                                         string
	Counts                                            []countView
	Problems                                          []string
	Sections                                          []sectionView
}

type countView struct {
	Label string
	N     int
	Class string
}

type sectionView struct {
	Letter, Title string
	Specs         []specView
}

type specView struct {
	ID, Text, Evidence, Capabilities string
	Outcome, Class, Reason           string
	RowTitle, Quote, Where           string
	FirstOfRow                       bool
	Message, Location, Wire          string
}

// class turns an outcome into a CSS class name: "expected failure" -> "expected-failure".
func class(o Outcome) string {
	return strings.ReplaceAll(string(o), " ", "-")
}

// unknown shows a missing metadata value plainly rather than as an empty cell.
func unknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// newView lays out a verdict.
func newView(v *Verdict) view {
	info := v.Run.Info
	out := view{Target: v.targetName(), Endpoint: unknown(info.Endpoint),
		Image: info.Image, Digest: info.ImageDigest, SDK: unknown(info.SDKVersion),
		Suite: unknown(info.SuiteVersion), Date: "unknown"}
	if !info.Date.IsZero() {
		out.Date = info.Date.UTC().Format(time.RFC1123)
	}

	out.Passed, out.Applicable = v.Score()
	out.Percent = "n/a"
	if out.Applicable > 0 {
		out.Percent = fmt.Sprintf("%.0f%%", 100*float64(out.Passed)/float64(out.Applicable))
	}
	code := v.ExitCode(false)
	out.Gate, out.GateClass = verdictWord(code), []string{"passed", "failed", "error"}[code]
	for _, o := range Outcomes {
		out.Counts = append(out.Counts, countView{Label: string(o), N: v.Count(o),
			Class: class(o)})
	}

	for _, e := range v.Stale {
		out.Problems = append(out.Problems, fmt.Sprintf("The target's expected failure %s "+
			"(%s) matches no spec of this suite.", e.ID, v.Target.Location(e)))
	}
	for _, f := range v.Run.SuiteFailures {
		out.Problems = append(out.Problems, "A failure outside any spec: "+f)
	}

	for _, section := range behaviours.Sections {
		sv := sectionView{Letter: section.Letter, Title: section.Title}
		previousRow := ""
		for _, s := range v.Specs {
			if s.ID == "" || behaviours.SectionOf(s.ID) != section {
				continue
			}
			sv.Specs = append(sv.Specs, newSpecView(s, previousRow))
			previousRow = behaviours.RowID(s.ID)
		}
		if len(sv.Specs) > 0 {
			out.Sections = append(out.Sections, sv)
		}
	}
	if orphans := specsWithoutRow(v); len(orphans.Specs) > 0 {
		out.Sections = append(out.Sections, orphans)
	}
	return out
}

// specsWithoutRow gathers specs with no ID or an ID of no section, so that a broken spec
// is still shown rather than silently dropped.
func specsWithoutRow(v *Verdict) sectionView {
	sv := sectionView{Letter: "?", Title: "Specs without a known behaviour ID"}
	for _, s := range v.Specs {
		if s.ID == "" || strings.HasPrefix(behaviours.SectionOf(s.ID).Title, "unknown") {
			sv.Specs = append(sv.Specs, newSpecView(s, ""))
		}
	}
	return sv
}

func newSpecView(s Judged, previousRow string) specView {
	sv := specView{ID: s.ID, Text: s.Text, Evidence: s.Evidence,
		Capabilities: strings.Join(s.Capabilities, ", "), Outcome: string(s.Outcome),
		Class: class(s.Outcome), Reason: s.Reason}
	if row, ok := s.Row(); ok {
		sv.RowTitle, sv.Quote = capitalise(row.Title), row.Quote()
		sv.FirstOfRow = row.ID != previousRow
	}
	if s.Outcome == Failed || s.Outcome == ExpectedFailure || s.Outcome == Skipped ||
		s.Outcome == NotApplicable {
		sv.Message = RedactText(strings.TrimSpace(s.Message))
		sv.Location = s.Location
	}
	if len(s.Wire) > 0 && (s.Outcome == Failed || s.Outcome == ExpectedFailure) {
		sv.Wire = strings.TrimSpace(s.Wire.String())
	}
	return sv
}

// capitalise makes a row's title, written as a phrase, start a sentence in the report.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
