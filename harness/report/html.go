package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"strings"
)

//go:embed page.html.tmpl
var pageTemplate string

// htmlPage is parsed once; html/template escapes every value, so a message or a wire body
// can never inject markup into the page.
var htmlPage = template.Must(template.New("page").Parse(pageTemplate))

// HTML renders the verdict as a self-contained page: inline CSS, no script, no external
// resource, so that it can be archived by CI and opened from disk.
func HTML(v *Verdict) (string, error) {
	var b strings.Builder
	if err := htmlPage.Execute(&b, newView(v)); err != nil {
		return "", fmt.Errorf("rendering the HTML report: %w", err)
	}
	return b.String(), nil
}
