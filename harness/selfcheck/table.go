package selfcheck

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Marks of the defect-by-spec table.
const (
	markKilled    = "x" // failed by the defect, as mapped
	markExtra     = "+" // failed by the defect, not mapped
	markMissed    = "o" // mapped, but the spec passed
	markUntouched = "." // neither
)

// WriteTable prints the defect-by-spec table: one row per spec, one numbered column per
// defect (the legend gives the numbers), then the mutation score.
func (r Result) WriteTable(w io.Writer) {
	fmt.Fprintln(w, "Defects:")
	for n, defect := range r.Defects {
		fmt.Fprintf(w, "  %2d  %s\n", n+1, defect)
	}

	fmt.Fprintf(w, "\n%-6s", "spec")
	for n := range r.Defects {
		fmt.Fprintf(w, "%3d", n+1)
	}
	fmt.Fprintln(w, "  failed by")

	for _, id := range r.Specs {
		fmt.Fprintf(w, "%-6s", id)
		for _, defect := range r.Defects {
			fmt.Fprintf(w, "%3s", r.mark(defect, id))
		}
		fmt.Fprintf(w, "  %d\n", len(r.KilledBy(id)))
	}
	fmt.Fprintf(w, "\n(%s failed as mapped, %s failed outside the map, %s mapped but passed)\n",
		markKilled, markExtra, markMissed)

	specs, defects := r.Score()
	fmt.Fprintf(w, "Mutation score: %d of %d specs failed by some defect (%.0f%%); "+
		"%d of %d defects fail some spec.\n", specs, len(r.Specs), percent(specs, len(r.Specs)),
		defects, len(r.Defects))
	if len(r.Problems) > 0 {
		fmt.Fprintf(w, "\nSelf-check FAILED:\n  - %s\n", strings.Join(r.Problems, "\n  - "))
	}
}

func (r Result) mark(defect, id string) string {
	killed := slices.Contains(r.Killed[defect], id)
	mapped := slices.Contains(r.Expected[defect], id)
	switch {
	case killed && mapped:
		return markKilled
	case killed:
		return markExtra
	case mapped:
		return markMissed
	default:
		return markUntouched
	}
}

func percent(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}
