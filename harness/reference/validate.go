package reference

import (
	"slices"
	"strings"
)

// maxNameLength bounds cluster names and task definition families, as ECS does.
const maxNameLength = 255

// validName reports whether name is 1 to 255 letters, digits, hyphens and underscores: the
// alphabet ECS allows in cluster names and task definition families.
func validName(name string) bool {
	if name == "" || len(name) > maxNameLength {
		return false
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}

// checkRequired reports the first of the named string members that is blank. Pairs are
// member name then value, so the message names the member as it appears on the wire.
func checkRequired(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return blank(pairs[i])
		}
	}
	return nil
}

// checkListSize enforces a required list member of 1 to max items.
func checkListSize(member string, n, max int) error {
	if n == 0 {
		return blank(member)
	}
	if n > max {
		return invalidParameter("%s can have at most %d items.", member, max)
	}
	return nil
}

// checkRange enforces an optional integer member; nil (absent) always passes.
func checkRange(member string, v *int32, lo, hi int32) error {
	if v != nil && (*v < lo || *v > hi) {
		return invalidParameter("%s must be between %d and %d.", member, lo, hi)
	}
	return nil
}

// checkEnum enforces an optional enum member; empty (absent) always passes.
func checkEnum(member, v string, allowed ...string) error {
	if v != "" && !slices.Contains(allowed, v) {
		return invalidParameter("%s must be one of %s.", member, strings.Join(allowed, ", "))
	}
	return nil
}

// orEmpty turns a nil slice into an empty one, because ECS sends `[]`, never `null`.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
