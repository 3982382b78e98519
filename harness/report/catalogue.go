package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/ecs-conformance/deregister/harness/behaviours"
	"github.com/ecs-conformance/deregister/harness/labels"
	"github.com/ecs-conformance/deregister/harness/target"
)

// Spec is one spec of the suite as the catalogue lists it.
type Spec struct {
	// ID is the spec's behaviour ID ("A7b"); empty when its text starts with none.
	ID string `json:"id"`

	// Text is the spec's full text without its ID, containers first, separated by " › ":
	// "Errors › an unknown cluster: 400 ClusterNotFoundException".
	Text string `json:"text"`

	// Evidence is the spec's evidence label; empty when it has none or several.
	Evidence string `json:"evidence"`

	// Capabilities are the spec's capability labels, sorted.
	Capabilities []string `json:"capabilities,omitempty"`

	// File and Line locate the spec, File relative to the module root.
	File string `json:"file"`
	Line int    `json:"line"`
}

// Row returns the behaviour row of the spec, and false for an ID the table does not have.
func (s Spec) Row() (behaviours.Row, bool) {
	return behaviours.Lookup(s.ID)
}

// ginkgoLabels are the labels Ginkgo adds on its own.
var ginkgoLabels = []string{"Serial", "Ordered"}

// Catalogue is every spec of a suite, sorted by behaviour ID.
type Catalogue []Spec

// specFromGinkgo makes a Spec of a Ginkgo spec report, reporting what is wrong with it.
func specFromGinkgo(r types.SpecReport, root string) (Spec, []string) {
	var problems []string
	leaf := r.LeafNodeText
	id, ok := behaviours.SpecID(leaf)
	if !ok {
		problems = append(problems, "its text does not start with a behaviour ID like [A1]")
	} else if _, known := behaviours.Lookup(id); !known {
		problems = append(problems, fmt.Sprintf("its ID %s names no row of harness/behaviours",
			id))
	}

	spec := Spec{ID: id, File: relative(root, r.LeafNodeLocation.FileName),
		Line: r.LeafNodeLocation.LineNumber}
	for _, container := range r.ContainerHierarchyTexts {
		spec.Text += container + " › "
	}
	spec.Text += behaviours.StripID(leaf)

	var evidence []string
	for _, label := range r.Labels() {
		switch {
		case slices.Contains([]string{labels.EvidenceDocumented, labels.EvidenceObserved,
			labels.EvidenceInferred}, label):
			evidence = append(evidence, label)
		case slices.Contains(target.Capabilities, label):
			spec.Capabilities = append(spec.Capabilities, label)
		case slices.Contains(ginkgoLabels, label):
			// Ginkgo labels Serial and Ordered specs itself; they say how a spec runs,
			// not what it needs from an endpoint.
		default:
			problems = append(problems, fmt.Sprintf("unknown label %q", label))
		}
	}
	slices.Sort(spec.Capabilities)
	if len(evidence) == 1 {
		spec.Evidence = evidence[0]
	} else {
		problems = append(problems, fmt.Sprintf("want exactly one evidence label "+
			"(documented, observed, inferred), got %v", evidence))
	}
	return spec, problems
}

// CatalogueFrom builds the catalogue of the suites of a Ginkgo JSON report (a dry run's or a
// real run's). Its errors name each spec at fault by file and line: a spec without an ID or
// an evidence label, an ID that names no row or that repeats.
func CatalogueFrom(reports []types.Report) (Catalogue, []error) {
	var cat Catalogue
	var errs []error
	where := map[string]string{}
	for _, suite := range reports {
		root := moduleRoot(suite.SuitePath)
		for _, r := range suite.SpecReports {
			if r.LeafNodeType != types.NodeTypeIt {
				continue
			}
			spec, problems := specFromGinkgo(r, root)
			at := fmt.Sprintf("%s:%d", spec.File, spec.Line)
			for _, p := range problems {
				errs = append(errs, fmt.Errorf("%s: %s", at, p))
			}
			if first, seen := where[spec.ID]; seen && spec.ID != "" {
				errs = append(errs, fmt.Errorf("%s: ID %s repeats (first at %s)", at, spec.ID,
					first))
			}
			where[spec.ID] = at
			cat = append(cat, spec)
		}
	}
	slices.SortStableFunc(cat, func(a, b Spec) int { return compareIDs(a.ID, b.ID) })
	return cat, errs
}

// RowsWithSpecs returns the IDs of the rows that have at least one spec in the catalogue.
func (c Catalogue) RowsWithSpecs() map[string]bool {
	rows := map[string]bool{}
	for _, s := range c {
		if s.ID != "" {
			rows[behaviours.RowID(s.ID)] = true
		}
	}
	return rows
}

// Has reports whether some spec of the catalogue has the ID, or belongs to the row ID.
func (c Catalogue) Has(id string) bool {
	return slices.ContainsFunc(c, func(s Spec) bool {
		return s.ID == id || behaviours.RowID(s.ID) == id
	})
}

// compareIDs orders behaviour IDs naturally (see behaviours.Less).
func compareIDs(a, b string) int {
	switch {
	case behaviours.Less(a, b):
		return -1
	case behaviours.Less(b, a):
		return 1
	}
	return 0
}

// moduleRoot finds the folder holding go.mod above a suite's folder, so that paths in
// reports are relative to the repository. A report recorded on another machine has no such
// folder here: then the folder above "suites/" is taken, as the project's layout fixes it.
func moduleRoot(suitePath string) string {
	for dir := suitePath; dir != "" && dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
	}
	if before, _, found := strings.Cut(filepath.ToSlash(suitePath), "/suites/"); found {
		return before
	}
	return suitePath
}
