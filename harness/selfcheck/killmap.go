package selfcheck

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/ecs-conformance/deregister/harness/behaviours"
)

// KillMap says, for each defect of the reference, which specs it must fail and no others.
type KillMap map[string][]string

// ParseKillMap reads the map's text form: one line per defect, "defect: ID ID ...", with
// blank lines and "#" comments ignored. Errors name the file and line.
func ParseKillMap(name string, r io.Reader) (KillMap, error) {
	kills := KillMap{}
	scanner := bufio.NewScanner(r)
	for line := 1; scanner.Scan(); line++ {
		text := strings.TrimSpace(scanner.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}

		defect, list, found := strings.Cut(text, ":")
		defect = strings.TrimSpace(defect)
		switch {
		case !found || defect == "" || strings.ContainsAny(defect, " \t"):
			return nil, fmt.Errorf("%s:%d: want \"defect: ID ID ...\", got %q", name, line, text)
		case kills[defect] != nil:
			return nil, fmt.Errorf("%s:%d: defect %s is mapped twice", name, line, defect)
		}

		ids := strings.Fields(list)
		if len(ids) == 0 {
			return nil, fmt.Errorf("%s:%d: defect %s fails no spec; a defect must fail one",
				name, line, defect)
		}
		for _, id := range ids {
			if !behaviours.ValidID(id) {
				return nil, fmt.Errorf("%s:%d: %q is not a behaviour ID such as A1 or F5b",
					name, line, id)
			}
		}
		kills[defect] = ids
	}
	return kills, scanner.Err()
}
