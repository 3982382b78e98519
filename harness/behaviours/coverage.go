package behaviours

import "fmt"

// CoverageProblem is a page sentence whose coverage disagrees with the table: checked by no
// spec and not excused, or excused as a gap although a spec now checks it.
type CoverageProblem struct {
	// Sentence is the page sentence at fault.
	Sentence Sentence

	// Problem says what is wrong and what to do about it.
	Problem string
}

// String renders the problem on one line, naming the sentence by key and text.
func (p CoverageProblem) String() string {
	return fmt.Sprintf("%s (%s: %q): %s", p.Sentence.Key, p.Sentence.Where, p.Sentence.Text,
		p.Problem)
}

// CheckCoverage checks every sentence of Page against the rows that have at least one spec
// (specRows holds their IDs). A sentence must be checked by such a row, or carry Advice or a
// Gap; a Gap on a sentence that a row with specs now checks is stale.
func CheckCoverage(specRows map[string]bool) []CoverageProblem {
	var problems []CoverageProblem
	for _, s := range Page {
		covering := CoveringRows(s.Key, specRows)
		switch {
		case len(covering) == 0 && s.Advice == "" && s.Gap == "":
			problems = append(problems, CoverageProblem{Sentence: s,
				Problem: "no spec checks it: write one, or give the sentence a Gap in " +
					"harness/behaviours/page.go"})
		case len(covering) > 0 && s.Gap != "":
			problems = append(problems, CoverageProblem{Sentence: s,
				Problem: fmt.Sprintf("rows %v now check it: remove its Gap in "+
					"harness/behaviours/page.go", covering)})
		}
	}
	return problems
}

// CoveringRows returns the IDs of the rows that check the sentence with the given key and are
// among specRows (all rows that check it when specRows is nil).
func CoveringRows(key string, specRows map[string]bool) []string {
	var ids []string
	for _, r := range Rows {
		if specRows != nil && !specRows[r.ID] {
			continue
		}
		for _, k := range r.Sentences {
			if k == key {
				ids = append(ids, r.ID)
				break
			}
		}
	}
	return ids
}
