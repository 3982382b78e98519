package behaviours

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRowsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rows {
		if !ValidID(r.ID) || RowID(r.ID) != r.ID {
			t.Errorf("row %q: not a row ID (a letter and a number)", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("row %s: the ID repeats", r.ID)
		}
		seen[r.ID] = true
		if r.Section().Letter != r.ID[:1] || strings.HasPrefix(r.Section().Title, "unknown") {
			t.Errorf("row %s: no section %q", r.ID, r.ID[:1])
		}
		if r.Title == "" || r.Evidence == "" {
			t.Errorf("row %s: a title and an evidence level are required", r.ID)
		}
		if (len(r.Sentences) == 0) == (r.Basis == "") {
			t.Errorf("row %s: give either page sentences or a basis, not both or neither", r.ID)
		}
		for _, key := range r.Sentences {
			if strings.HasPrefix(SentenceByKey(key).Text, "(unknown") {
				t.Errorf("row %s: unknown sentence key %q", r.ID, key)
			}
		}
	}
}

func TestSentenceKeysAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Page {
		if seen[s.Key] {
			t.Errorf("sentence key %q repeats", s.Key)
		}
		seen[s.Key] = true
		if s.Advice != "" && s.Gap != "" {
			t.Errorf("sentence %s: advice needs no spec, so it cannot also be a gap", s.Key)
		}
	}
}

func TestSpecIDs(t *testing.T) {
	cases := []struct{ text, id, row, rest string }{
		{"[A1] deregisters", "A1", "A1", "deregisters"},
		{"[F10d] for a body", "F10d", "F10", "for a body"},
		{"[A7b]treats", "A7b", "A7", "treats"},
	}
	for _, c := range cases {
		id, ok := SpecID(c.text)
		if !ok || id != c.id || RowID(id) != c.row || StripID(c.text) != c.rest {
			t.Errorf("%q: got %q %v row %q rest %q, want %q row %q rest %q", c.text, id, ok,
				RowID(id), StripID(c.text), c.id, c.row, c.rest)
		}
	}
	for _, text := range []string{"A1 no brackets", "[a1] lower", "[A] no number", " [A1]"} {
		if id, ok := SpecID(text); ok {
			t.Errorf("%q: got ID %q, want none", text, id)
		}
	}
}

func TestLessSortsNaturally(t *testing.T) {
	ids := []string{"A10", "B1", "A7b", "A2", "A7", "H2", "A7a", "zz", "F10a", "F9"}
	slices.SortFunc(ids, func(a, b string) int {
		if Less(a, b) {
			return -1
		}
		if Less(b, a) {
			return 1
		}
		return 0
	})
	want := []string{"A2", "A7", "A7a", "A7b", "A10", "B1", "F9", "F10a", "H2", "zz"}
	if !slices.Equal(ids, want) {
		t.Errorf("got %v, want %v", ids, want)
	}
}

func TestCheckCoverage(t *testing.T) {
	all := map[string]bool{}
	for _, r := range Rows {
		all[r.ID] = true
	}
	// With a spec for every row, no sentence lacks one; the gaps left are those no row
	// checks (no row of the table addresses IAM or other Regions).
	for _, p := range CheckCoverage(all) {
		t.Errorf("unexpected problem with every row covered: %s", p)
	}

	// A gap on a sentence that a row with specs checks is stale: that is how a closed gap is
	// noticed. A1 checks the page's first sentence; give that sentence a gap for a moment.
	saved := Page
	Page = slices.Clone(Page)
	Page[0].Gap = "pretend nothing checks it"
	stale := CheckCoverage(all)
	Page = saved
	if len(stale) != 1 || stale[0].Sentence.Key != saved[0].Key {
		t.Errorf("a gap on a checked sentence: got %v, want it reported as stale", stale)
	}

	// With no specs at all, every sentence that is neither advice nor a gap is uncovered.
	missing := CheckCoverage(map[string]bool{})
	if len(missing) == 0 || !strings.Contains(missing[0].String(), "no spec checks it") {
		t.Errorf("got %v, want uncovered sentences", missing)
	}
}

// TestSentencesMatchThePage checks every quoted sentence against the reference page and,
// the other way round, that every sentence of the page's behaviour paragraphs is quoted. The
// page is not part of the project: set ECS_CONFORMANCE_REFERENCE_PAGE to its text file.
func TestSentencesMatchThePage(t *testing.T) {
	path := os.Getenv("ECS_CONFORMANCE_REFERENCE_PAGE")
	if path == "" {
		t.Skip("set ECS_CONFORMANCE_REFERENCE_PAGE to the reference page's text to check quotes")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(string(raw)), " ")
	for _, s := range Page {
		if !strings.Contains(page, s.Text) {
			t.Errorf("sentence %s is not on the page: %q", s.Key, s.Text)
		}
	}

	sentences := behaviourSentences(string(raw))
	if len(sentences) < 20 {
		t.Fatalf("found only %d sentences on the page: has its layout changed?", len(sentences))
	}
	for _, sentence := range sentences {
		if !slices.ContainsFunc(Page, func(s Sentence) bool { return s.Text == sentence }) {
			t.Errorf("the page's sentence is not quoted in Page: %q", sentence)
		}
	}
}

// behaviourSentences splits the behaviour paragraphs of the page into sentences: the
// description up to "Request Syntax", and the three parameters' and four errors'
// descriptions. Lines that are headings (one or two words) are left out.
func behaviourSentences(page string) []string {
	parts := []string{
		between(page, "DeregisterContainerInstance\n\nDeregisters", "Request Syntax", "Deregisters"),
		between(page, "\ncluster\n", "\nRequired: No", ""),
		between(page, "\ncontainerInstance\n", "\nType: String", ""),
		between(page, "\nforce\n", "\nType: Boolean", ""),
		between(page, "\nClientException\n", "\nHTTP Status", ""),
		between(page, "\nClusterNotFoundException\n", "\nHTTP Status", ""),
		between(page, "\nInvalidParameterException\n", "\nHTTP Status", ""),
		between(page, "\nServerException\n", "\nHTTP Status", ""),
	}
	splitter := regexp.MustCompile(`[^.]+?(\([^)]*\))?[^.(]*\.`)
	var sentences []string
	for _, part := range parts {
		for _, paragraph := range strings.Split(part, "\n\n") {
			text := strings.Join(strings.Fields(paragraph), " ")
			if text == "" || text == "Note" {
				continue
			}
			for _, m := range splitter.FindAllString(text, -1) {
				sentences = append(sentences, strings.TrimSpace(m))
			}
		}
	}
	return sentences
}

// between returns the text after start and before the next end, prefixed with keep.
func between(text, start, end, keep string) string {
	_, after, ok := strings.Cut(text, start)
	if !ok {
		return ""
	}
	body, _, _ := strings.Cut(after, end)
	return keep + body
}
