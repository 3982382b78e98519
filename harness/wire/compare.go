package wire

import (
	"fmt"
)

// literalMembers are compared by value with the sample, not only by type: they state the
// behaviour itself rather than a fact of one account's resources.
var literalMembers = []string{"status", "name", "type"}

// CompareWithSample checks a normalised answer against the normalised sample of the
// reference page: every member of the sample is in the answer with the same JSON type; a
// reference in the sample (an ARN, an ID) is the same reference in the answer; the members
// that state the behaviour (status, and a resource's name and type) have the sample's
// value. Items of a list are matched by their "name" member where they have one, else by
// position; items of the sample the answer has no counterpart for are not compared (an
// account's attributes differ). Members the answer has beyond the sample are Check's
// business, not this function's.
func CompareWithSample(sample, answer any) []string {
	var problems []string
	compare(sample, answer, "", "", &problems)
	return problems
}

func compare(sample, answer any, member, path string, problems *[]string) {
	if got, want := jsonType(answer), jsonType(sample); got != want {
		*problems = append(*problems, fmt.Sprintf("%s: a %s, the sample has a %s", orRoot(path),
			got, want))
		return
	}

	switch s := sample.(type) {
	case map[string]any:
		a := answer.(map[string]any)
		for _, key := range sortedKeys(s) {
			if _, ok := a[key]; !ok {
				*problems = append(*problems, fmt.Sprintf("%s.%s: missing; the sample has it",
					path, key))
				continue
			}
			compare(s[key], a[key], key, path+"."+key, problems)
		}
	case []any:
		a := answer.([]any)
		for i, item := range s {
			if counterpart, ok := counterpartOf(item, i, a); ok {
				compare(item, counterpart, member, fmt.Sprintf("%s[%d]", path, i), problems)
			}
		}
	case string:
		a := answer.(string)
		if (isReference(s) || isLiteral(member)) && a != s {
			*problems = append(*problems, fmt.Sprintf("%s: %q, the sample has %q", path, a, s))
		}
	}
}

// counterpartOf finds the answer's item for the sample's item i.
func counterpartOf(item any, i int, answer []any) (any, bool) {
	object, ok := item.(map[string]any)
	if name, named := object["name"]; ok && named {
		for _, candidate := range answer {
			if c, ok := candidate.(map[string]any); ok && c["name"] == name {
				return c, true
			}
		}
		return nil, false
	}
	if i < len(answer) {
		return answer[i], true
	}
	return nil, false
}

func isLiteral(member string) bool {
	for _, literal := range literalMembers {
		if member == literal {
			return true
		}
	}
	return false
}

func orRoot(path string) string {
	if path == "" {
		return "the answer"
	}
	return path
}
