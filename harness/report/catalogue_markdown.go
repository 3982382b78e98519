package report

import (
	"fmt"
	"path"
	"strings"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// CatalogueCommand is the command that regenerates the checked-in catalogue, named in the
// catalogue itself and in the message of the test that finds it stale.
const CatalogueCommand = "go run ./harness/cmd/conformance-report catalogue"

// CatalogueMarkdown renders the catalogue as the Markdown file checked in next to the suite:
// per section, every spec with its evidence, capabilities and file; then every sentence of
// the reference page with the specs that check it, or why none does. Links to spec files
// are relative to the suite's folder, where the file lives.
func CatalogueMarkdown(c Catalogue) string {
	var b strings.Builder
	b.WriteString("# Spec catalogue: DeregisterContainerInstance\n\n")
	fmt.Fprintf(&b, "Generated from the suite by `%s`;\ndo not edit by hand. ",
		CatalogueCommand)
	b.WriteString("Each spec's text starts with its behaviour ID; the rows and the\n" +
		"page's sentences are in `harness/behaviours`.\n\n")
	fmt.Fprintf(&b, "%d specs check %d of the %d behaviours.\n", len(c),
		len(c.RowsWithSpecs()), len(behaviours.Rows))

	for _, section := range behaviours.Sections {
		fmt.Fprintf(&b, "\n## %s. %s\n", section.Letter, section.Title)
		var uncovered, outside []behaviours.Row
		header := "\n| ID | spec | evidence | capabilities | file |\n|---|---|---|---|---|\n"
		for _, row := range behaviours.Rows {
			if row.Section() != section {
				continue
			}
			specs := c.ofRow(row.ID)
			if len(specs) == 0 && row.Outside == "" {
				uncovered = append(uncovered, row)
			}
			if len(specs) == 0 && row.Outside != "" {
				outside = append(outside, row)
			}
			for _, s := range specs {
				b.WriteString(header)
				header = ""
				fmt.Fprintf(&b, "| %s | %s | %s | %s | [%s](%s) |\n", s.ID, cell(s.Text),
					s.Evidence, strings.Join(s.Capabilities, ", "), path.Base(s.File),
					path.Base(s.File))
			}
		}
		if len(outside) > 0 {
			b.WriteString("\nChecked outside the suite (no endpoint can break it):\n\n")
			for _, row := range outside {
				fmt.Fprintf(&b, "- %s: %s: %s\n", row.ID, row.Title, row.Outside)
			}
		}
		if len(uncovered) > 0 {
			b.WriteString("\nNo spec yet:\n\n")
			for _, row := range uncovered {
				fmt.Fprintf(&b, "- %s: %s\n", row.ID, row.Title)
			}
		}
	}

	b.WriteString("\n## The page's sentences and the specs that check them\n\n")
	b.WriteString("| where | sentence | checked by |\n|---|---|---|\n")
	covered := c.RowsWithSpecs()
	for _, s := range behaviours.Page {
		by := strings.Join(c.idsOfRows(behaviours.CoveringRows(s.Key, covered)), ", ")
		switch {
		case s.Gap != "":
			by = "not yet: " + s.Gap
		case by == "" && s.Advice != "":
			by = "nothing to check: " + s.Advice
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", s.Where, cell(s.Text), cell(by))
	}
	return b.String()
}

// ofRow returns the specs of one row, in catalogue order.
func (c Catalogue) ofRow(rowID string) []Spec {
	var specs []Spec
	for _, s := range c {
		if behaviours.RowID(s.ID) == rowID {
			specs = append(specs, s)
		}
	}
	return specs
}

// idsOfRows returns the spec IDs of the given rows.
func (c Catalogue) idsOfRows(rowIDs []string) []string {
	var ids []string
	for _, row := range rowIDs {
		for _, s := range c.ofRow(row) {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// cell escapes text for a Markdown table cell.
func cell(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, "|", `\|`), "\n", " ")
}
