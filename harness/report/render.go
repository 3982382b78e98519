package report

import (
	"fmt"
	"os"
	"path/filepath"
)

// Render writes the conformance report of the verdict, conformance.md and conformance.html,
// into the run's folder, and returns the HTML page's path.
func Render(v *Verdict) (string, error) {
	page, err := HTML(v)
	if err != nil {
		return "", err
	}
	mdPath := filepath.Join(v.Run.Dir, MarkdownFile)
	if err := os.WriteFile(mdPath, []byte(Markdown(v)), 0o644); err != nil {
		return "", fmt.Errorf("writing the Markdown report: %w", err)
	}
	htmlPath := filepath.Join(v.Run.Dir, HTMLFile)
	if err := os.WriteFile(htmlPath, []byte(page), 0o644); err != nil {
		return "", fmt.Errorf("writing the HTML report: %w", err)
	}
	return htmlPath, nil
}

// Summary is the short summary printed at the end of a run: the score and counts, the
// unexpected failures by ID, and the path of the HTML report.
func Summary(v *Verdict, htmlPath string) string {
	passed, applicable := v.Score()
	text := fmt.Sprintf("%s: %d/%d applicable specs passed; %d failed, %d expected failures, "+
		"%d unexpected passes, %d skipped, %d not applicable\n", v.targetName(), passed,
		applicable, v.Count(Failed), v.Count(ExpectedFailure), v.Count(UnexpectedPass),
		v.Count(Skipped), v.Count(NotApplicable))
	if failed := v.With(Failed); len(failed) > 0 {
		text += "unexpected failures:"
		for _, s := range failed {
			text += " " + s.ID
		}
		text += "\n"
	}
	return text + "report: " + htmlPath + "\n"
}
