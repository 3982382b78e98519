// Package behaviours is the table of behaviours the conformance suite checks: one row per
// behaviour of DeregisterContainerInstance, each with a stable ID (A1, B10, ...), a section,
// a one-line title, its evidence level and the sentences of the API reference page it checks.
// A spec's text starts with its row's ID, optionally followed by one lowercase letter when a
// row has several specs (A7a, A7b belong to row A7).
//
// The reports and the spec catalogue are built from this table, so that every result can be
// read next to the sentence of the page it holds an endpoint to.
package behaviours

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Row is one behaviour of the reference page the suite checks.
type Row struct {
	// ID is the stable behaviour ID, a section letter and a number: "A1", "F10".
	ID string

	// Title says in one line what the behaviour is, in our own words.
	Title string

	// Evidence is how sure we are of AWS's answer, as written in the requirement list:
	// "documented", "observed", "inferred" or a combination such as "documented + observed".
	Evidence string

	// Sentences are the keys of the page sentences (see Page) the row checks.
	Sentences []string

	// Basis says what the row rests on when it checks no sentence of the page's behaviour
	// paragraphs: the page's examples, or nothing on the page at all.
	Basis string

	// Outside, when set, names the test outside the conformance suite that checks the row,
	// because no endpoint can break it: it is a property of the SDK, not of the endpoint,
	// and a spec of it would pass against any endpoint (the self-check would call it
	// vacuous).
	Outside string
}

// Section is a letter of the table with its heading.
type Section struct {
	// Letter is the first character of the IDs of the section's rows.
	Letter string

	// Title is the section's heading.
	Title string
}

// Section returns the section the row belongs to.
func (r Row) Section() Section {
	return SectionOf(r.ID)
}

// Quote returns the page text the row checks: its sentences joined, each once (several
// errors share "HTTP Status Code: 400"), or its Basis.
func (r Row) Quote() string {
	if len(r.Sentences) == 0 {
		return r.Basis
	}
	var texts []string
	for _, key := range r.Sentences {
		if text := SentenceByKey(key).Text; !slices.Contains(texts, text) {
			texts = append(texts, text)
		}
	}
	return strings.Join(texts, " … ")
}

// specID matches a spec ID at the start of a spec's text: "[A7b] ...".
var specID = regexp.MustCompile(`^\[([A-Z])([0-9]+)([a-z]?)\]`)

// idShape is the shape of an ID on its own, a row's or a spec's.
var idShape = regexp.MustCompile(`^([A-Z])([0-9]+)([a-z]?)$`)

// SpecID returns the ID a spec's text starts with ("A7b" for "[A7b] treats ..."), and false
// when the text starts with no ID.
func SpecID(text string) (string, bool) {
	m := specID.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return m[1] + m[2] + m[3], true
}

// StripID returns a spec's text without its leading "[ID] ".
func StripID(text string) string {
	loc := specID.FindStringIndex(text)
	if loc == nil {
		return text
	}
	rest := text[loc[1]:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return rest
}

// ValidID reports whether id has the shape of a row ID ("A7") or a spec ID ("A7b").
func ValidID(id string) bool {
	return idShape.MatchString(id)
}

// RowID returns the ID of the row a spec ID belongs to: "A7" for "A7b", "A7" for "A7".
func RowID(specID string) string {
	m := idShape.FindStringSubmatch(specID)
	if m == nil {
		return specID
	}
	return m[1] + m[2]
}

// Lookup returns the row of a row or spec ID, and false when the table has no such row.
func Lookup(id string) (Row, bool) {
	row, ok := byID[RowID(id)]
	return row, ok
}

// Less orders IDs naturally: by section letter, then row number (A2 before A10), then the
// spec's letter (A7 before A7a before A7b). IDs of another shape sort after, as strings.
func Less(a, b string) bool {
	ma, mb := idShape.FindStringSubmatch(a), idShape.FindStringSubmatch(b)
	if ma == nil || mb == nil {
		if (ma == nil) != (mb == nil) {
			return ma != nil
		}
		return a < b
	}
	if ma[1] != mb[1] {
		return ma[1] < mb[1]
	}
	na, _ := strconv.Atoi(ma[2])
	nb, _ := strconv.Atoi(mb[2])
	if na != nb {
		return na < nb
	}
	return ma[3] < mb[3]
}

// SectionOf returns the section of a row or spec ID, or a section titled "unknown section"
// for a letter the table does not have.
func SectionOf(id string) Section {
	if id == "" {
		return Section{Title: "unknown section"}
	}
	letter := id[:1]
	for _, s := range Sections {
		if s.Letter == letter {
			return s
		}
	}
	return Section{Letter: letter, Title: fmt.Sprintf("unknown section %s", letter)}
}

// byID indexes Rows; built once, as the table never changes at run time.
var byID = func() map[string]Row {
	index := make(map[string]Row, len(Rows))
	for _, r := range Rows {
		index[r.ID] = r
	}
	return index
}()
