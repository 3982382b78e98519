package selfcheck

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Result is what a self-check found.
type Result struct {
	// Specs are the IDs of the clean run's specs; Defects the names of the defects run.
	Specs   []string
	Defects []string

	// Killed lists, per defect, the specs it failed; Expected what the kill map says.
	Killed   map[string][]string
	Expected KillMap

	// Problems are the reasons the self-check fails, one sentence each; none means it passed.
	Problems []string
}

// Analyse judges the runs: clean is the run against the clean reference, runs the run
// against each defect, kills the checked-in map.
func Analyse(clean Outcome, runs map[string]Outcome, kills KillMap) Result {
	r := Result{
		Specs:    slices.Collect(maps.Keys(clean)),
		Defects:  slices.Sorted(maps.Keys(runs)),
		Killed:   map[string][]string{},
		Expected: kills,
	}
	SortIDs(r.Specs)

	for _, id := range r.Specs {
		if clean[id] != Passed {
			r.problem("the clean reference gives %s the verdict %s: it must pass every spec",
				id, clean[id])
		}
	}

	for _, defect := range r.Defects {
		r.Killed[defect] = runs[defect].Failed()
		r.judgeDefect(defect)
	}
	for _, defect := range slices.Sorted(maps.Keys(kills)) {
		if _, ran := runs[defect]; !ran {
			r.problem("the kill map names defect %s, which the reference does not have", defect)
		}
		for _, id := range kills[defect] {
			if _, exists := clean[id]; !exists {
				r.problem("the kill map says %s fails %s, but the suite has no spec %s",
					defect, id, id)
			}
		}
	}

	for _, id := range r.Specs {
		if len(r.KilledBy(id)) == 0 {
			r.problem("spec %s is failed by no defect, so nothing shows it can fail: add a "+
				"defect to the reference that breaks what it checks, and map it", id)
		}
	}
	return r
}

func (r *Result) judgeDefect(defect string) {
	killed := r.Killed[defect]
	expected, mapped := r.Expected[defect]

	switch {
	case len(killed) == 0:
		r.problem("defect %s fails no spec: the suite does not notice what it breaks", defect)
	case !mapped:
		r.problem("defect %s has no line in the kill map; it fails %s", defect,
			strings.Join(killed, " "))
	}
	if !mapped {
		return
	}

	if extra := without(killed, expected); len(extra) > 0 {
		r.problem("defect %s also fails %s, outside its map", defect, strings.Join(extra, " "))
	}
	if missed := without(expected, killed); len(missed) > 0 {
		r.problem("defect %s no longer fails %s, which its map says it must", defect,
			strings.Join(missed, " "))
	}
}

// KilledBy returns the defects that failed spec id.
func (r Result) KilledBy(id string) []string {
	var defects []string
	for _, defect := range r.Defects {
		if slices.Contains(r.Killed[defect], id) {
			defects = append(defects, defect)
		}
	}
	return defects
}

// Score counts the specs some defect failed and the defects that failed some spec.
func (r Result) Score() (killedSpecs, killingDefects int) {
	for _, id := range r.Specs {
		if len(r.KilledBy(id)) > 0 {
			killedSpecs++
		}
	}
	for _, defect := range r.Defects {
		if len(r.Killed[defect]) > 0 {
			killingDefects++
		}
	}
	return killedSpecs, killingDefects
}

func (r *Result) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// without returns the IDs of a that are not in b.
func without(a, b []string) []string {
	var rest []string
	for _, id := range a {
		if !slices.Contains(b, id) {
			rest = append(rest, id)
		}
	}
	return rest
}
