// Package selfcheck proves that the conformance specs can fail. The suite is run against the
// reference endpoint once clean and once per named defect (see reference.Defect); each
// defect must fail exactly the specs a checked-in map says it breaks, and every spec must be
// failed by at least one defect. A spec no defect fails would pass against an endpoint that
// gets its behaviour wrong: it certifies nothing.
package selfcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// Verdict is what became of one spec in one run.
type Verdict string

// The verdicts that matter here: a spec that did not pass failed, whatever the way.
const (
	Passed  Verdict = "passed"
	Failed  Verdict = "failed"
	Skipped Verdict = "skipped"
)

// Outcome is one run of the suite: the verdict of every spec, by behaviour ID.
type Outcome map[string]Verdict

// ReadOutcome reads the Ginkgo JSON report of one run. A run whose suite-level setup failed
// is an error, not an outcome: no spec was judged.
func ReadOutcome(path string) (Outcome, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var reports []types.Report
	if err := json.Unmarshal(data, &reports); err != nil {
		return nil, fmt.Errorf("%s: not a Ginkgo JSON report: %w", path, err)
	}

	outcome := Outcome{}
	for _, report := range reports {
		for _, spec := range report.SpecReports {
			if !spec.LeafNodeType.Is(types.NodeTypeIt) {
				if spec.State.Is(types.SpecStateFailureStates) {
					return nil, fmt.Errorf("%s: %s failed, so no spec was judged: %s", path,
						spec.LeafNodeType, spec.Failure.Message)
				}
				continue
			}
			id, ok := behaviours.SpecID(spec.LeafNodeText)
			if !ok {
				return nil, fmt.Errorf("%s: spec %q has no behaviour ID", path, spec.LeafNodeText)
			}
			outcome[id] = verdictOf(spec.State)
		}
	}
	return outcome, nil
}

func verdictOf(state types.SpecState) Verdict {
	switch {
	case state == types.SpecStatePassed:
		return Passed
	case state.Is(types.SpecStateSkipped | types.SpecStatePending):
		return Skipped
	default:
		return Failed
	}
}

// Failed returns the IDs of the specs that failed in the run.
func (o Outcome) Failed() []string {
	var ids []string
	for id, verdict := range o {
		if verdict == Failed {
			ids = append(ids, id)
		}
	}
	SortIDs(ids)
	return ids
}

// SortIDs sorts behaviour IDs as a person reads them: A2 before A10, F5a before F5b.
func SortIDs(ids []string) {
	slices.SortFunc(ids, func(a, b string) int {
		switch {
		case behaviours.Less(a, b):
			return -1
		case behaviours.Less(b, a):
			return 1
		}
		return 0
	})
}
