package report

import (
	"fmt"
	"strings"
)

// markIcons make outcomes scannable in a Markdown table without colour.
var markIcons = map[string]string{
	string(Passed): "✅", string(Failed): "❌", string(ExpectedFailure): "⚠️",
	string(UnexpectedPass): "🎉", string(Skipped): "⏭️", string(NotApplicable): "➖",
}

// Markdown renders the verdict as the conformance report in Markdown.
func Markdown(v *Verdict) string {
	page := newView(v)
	var b strings.Builder
	fmt.Fprintf(&b, "# ECS DeregisterContainerInstance conformance: %s\n\n", page.Target)
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| endpoint | %s |\n", cell(page.Endpoint))
	if page.Image != "" {
		fmt.Fprintf(&b, "| image | %s |\n| image digest | %s |\n", cell(page.Image),
			cell(unknown(page.Digest)))
	}
	fmt.Fprintf(&b, "| AWS SDK | %s |\n| suite | %s |\n| date | %s |\n\n", cell(page.SDK),
		cell(page.Suite), page.Date)

	fmt.Fprintf(&b, "**%d / %d applicable specs passed (%s)**; gate: **%s**\n\n", page.Passed,
		page.Applicable, page.Percent, page.Gate)
	for i, c := range page.Counts {
		if i > 0 {
			b.WriteString(" · ")
		}
		fmt.Fprintf(&b, "%s %s: %d", markIcons[c.Label], c.Label, c.N)
	}
	b.WriteString("\n")
	for _, p := range page.Problems {
		fmt.Fprintf(&b, "\n> **Problem:** %s\n", strings.ReplaceAll(p, "\n", "\n> "))
	}

	for _, section := range page.Sections {
		fmt.Fprintf(&b, "\n## %s. %s\n\n", section.Letter, section.Title)
		b.WriteString("| | ID | spec | evidence | page |\n|---|---|---|---|---|\n")
		for _, s := range section.Specs {
			quote := ""
			if s.FirstOfRow {
				quote = "“" + cell(s.Quote) + "”"
			}
			fmt.Fprintf(&b, "| %s %s | %s | %s | %s | %s |\n", markIcons[s.Outcome],
				s.Outcome, s.ID, cell(s.Text), s.Evidence, quote)
		}
		for _, s := range section.Specs {
			if s.Message == "" && s.Wire == "" {
				continue
			}
			fmt.Fprintf(&b, "\n### %s: %s\n\n", s.ID, s.Outcome)
			if s.Reason != "" {
				fmt.Fprintf(&b, "Reason: %s\n\n", s.Reason)
			}
			if s.Location != "" {
				fmt.Fprintf(&b, "At `%s`:\n\n", s.Location)
			}
			if s.Message != "" {
				fmt.Fprintf(&b, "~~~~text\n%s\n~~~~\n", s.Message)
			}
			if s.Wire != "" {
				fmt.Fprintf(&b, "\nOn the wire:\n\n~~~~http\n%s\n~~~~\n", s.Wire)
			}
		}
	}
	return b.String()
}
