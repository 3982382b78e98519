package selfcheck

import (
	"cmp"
	"slices"
	"strconv"
)

// SortIDs sorts behaviour IDs as a person reads them: by section, then row number, then
// letter, so that A2 comes before A10 and F5a before F5b.
func SortIDs(ids []string) {
	slices.SortFunc(ids, compareIDs)
}

func compareIDs(a, b string) int {
	sectionA, rowA, letterA := splitID(a)
	sectionB, rowB, letterB := splitID(b)
	return cmp.Or(cmp.Compare(sectionA, sectionB), cmp.Compare(rowA, rowB),
		cmp.Compare(letterA, letterB), cmp.Compare(a, b))
}

// splitID splits "F10c" into "F", 10 and "c". Malformed IDs sort as row 0.
func splitID(id string) (section string, row int, letter string) {
	if id == "" {
		return "", 0, ""
	}
	end := 1
	for end < len(id) && id[end] >= '0' && id[end] <= '9' {
		end++
	}
	row, _ = strconv.Atoi(id[1:end])
	return id[:1], row, id[end:]
}
