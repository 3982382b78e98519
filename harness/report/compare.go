package report

import (
	"fmt"
	"regexp"
	"strings"
)

// Change is one spec whose result differs between two runs.
type Change struct {
	// ID and Text name the spec (from the newer run when it has the spec).
	ID, Text string

	// Old and New are the spec's states; empty for a spec the run does not have.
	Old, New string

	// OldMessage and NewMessage are the failure messages, for changed messages.
	OldMessage, NewMessage string
}

// Diff is what changed between an old and a new run of the suite.
type Diff struct {
	// Regressions passed before and fail now.
	Regressions []Change

	// Fixes failed before and pass now.
	Fixes []Change

	// Messages failed in both runs, with different messages.
	Messages []Change

	// Others changed state in another way (passed to skipped, skipped to failed, ...).
	Others []Change

	// Added and Removed are specs only the new or only the old run has.
	Added, Removed []Change
}

// volatile matches what differs between runs without meaning anything: ARNs, UUIDs and
// hex IDs, timestamps, durations. Messages are compared with these normalised.
var volatile = regexp.MustCompile(`arn:aws[a-z-]*:[^\s"',)]+|` +
	`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b|` +
	`\b\d{4}-\d\d-\d\dT[0-9:.]+Z?\b|\b[0-9.]+(ns|µs|ms|s)\b|0x[0-9a-f]+`)

// normalise replaces volatile parts of a message with a placeholder.
func normalise(message string) string {
	return volatile.ReplaceAllString(strings.TrimSpace(message), "<volatile>")
}

// Compare lists what changed from the old run to the new one, spec by spec, matched by ID.
func Compare(older, newer *Run) Diff {
	var d Diff
	before := map[string]Result{}
	for _, r := range older.Results {
		before[r.ID] = r
	}
	seen := map[string]bool{}
	for _, now := range newer.Results {
		seen[now.ID] = true
		was, ok := before[now.ID]
		change := Change{ID: now.ID, Text: now.Text, Old: was.State, New: now.State,
			OldMessage: was.Message, NewMessage: now.Message}
		switch {
		case !ok:
			d.Added = append(d.Added, change)
		case was.State == "passed" && now.Failed():
			d.Regressions = append(d.Regressions, change)
		case was.Failed() && now.State == "passed":
			d.Fixes = append(d.Fixes, change)
		case was.Failed() && now.Failed():
			if normalise(was.Message) != normalise(now.Message) || was.State != now.State {
				d.Messages = append(d.Messages, change)
			}
		case was.State != now.State:
			d.Others = append(d.Others, change)
		}
	}
	for _, was := range older.Results {
		if !seen[was.ID] {
			d.Removed = append(d.Removed, Change{ID: was.ID, Text: was.Text, Old: was.State,
				OldMessage: was.Message})
		}
	}
	return d
}

// ExitCode is 1 when the new run regressed, else 0.
func (d Diff) ExitCode() int {
	if len(d.Regressions) > 0 {
		return 1
	}
	return 0
}

// Text lists the changes for a person reading CI output, then a one-line count.
func (d Diff) Text(oldDir, newDir string) string {
	var b strings.Builder
	list := func(title string, changes []Change, detail func(Change) string) {
		if len(changes) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s:\n", title)
		for _, c := range changes {
			fmt.Fprintf(&b, "  %-5s %s\n", c.ID, c.Text)
			if text := detail(c); text != "" {
				fmt.Fprintf(&b, "        %s\n", text)
			}
		}
	}
	none := func(Change) string { return "" }
	list("regressions (passed, now fail)", d.Regressions, func(c Change) string {
		return "now: " + firstLine(c.NewMessage)
	})
	list("fixes (failed, now pass)", d.Fixes, none)
	list("changed failure messages", d.Messages, func(c Change) string {
		return fmt.Sprintf("was: %s\n        now: %s", firstLine(c.OldMessage),
			firstLine(c.NewMessage))
	})
	list("other changes", d.Others, func(c Change) string {
		return c.Old + " -> " + c.New
	})
	list("specs added", d.Added, func(c Change) string { return c.New })
	list("specs removed", d.Removed, none)
	fmt.Fprintf(&b, "compare %s -> %s: %d regressions, %d fixes, %d changed messages, "+
		"%d other changes, %d added, %d removed\n", oldDir, newDir, len(d.Regressions),
		len(d.Fixes), len(d.Messages), len(d.Others), len(d.Added), len(d.Removed))
	return b.String()
}
