package report

import (
	"strings"
	"testing"
)

func loadRun(t *testing.T, name string) *Run {
	t.Helper()
	r, err := LoadRun("testdata/runs/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ids(changes []Change) string {
	var out []string
	for _, c := range changes {
		out = append(out, c.ID)
	}
	return strings.Join(out, ",")
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name, old, new                       string
		regressions, fixes, messages, others string
		added, removed                       string
		exit                                 int
	}{
		{name: "regression", old: "all-pass", new: "new-failure",
			regressions: "A7b,F5a", exit: 1},
		{name: "fix, and a message that differs only in its ARN",
			old: "new-failure", new: "expected-failure", fixes: "A7b", others: "C6", exit: 0},
		{name: "changed message, removed spec", old: "expected-failure",
			new: "changed-message", messages: "F5a", others: "C6", removed: "H1", exit: 0},
		{name: "added spec", old: "changed-message", new: "all-pass", fixes: "F5a",
			added: "H1", exit: 0},
		{name: "same run", old: "all-pass", new: "all-pass", exit: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Compare(loadRun(t, c.old), loadRun(t, c.new))
			got := []string{ids(d.Regressions), ids(d.Fixes), ids(d.Messages), ids(d.Others),
				ids(d.Added), ids(d.Removed)}
			want := []string{c.regressions, c.fixes, c.messages, c.others, c.added, c.removed}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("regressions|fixes|messages|others|added|removed: got %v, want %v",
					got, want)
			}
			if d.ExitCode() != c.exit {
				t.Errorf("exit %d, want %d", d.ExitCode(), c.exit)
			}
		})
	}
}

func TestCompareText(t *testing.T) {
	text := Compare(loadRun(t, "expected-failure"), loadRun(t, "changed-message")).
		Text("old", "new")
	for _, want := range []string{
		"changed failure messages:\n  F5a ",
		"was: Expected an AWS API error with status 400",
		"specs removed:\n  H1 ",
		"compare old -> new: 0 regressions, 0 fixes, 1 changed messages",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("compare text lacks %q:\n%s", want, text)
		}
	}
}

func TestNormaliseIgnoresVolatileParts(t *testing.T) {
	a := "got arn:aws:ecs:us-east-1:1:container-instance/c/0f1e2d3c4b5a69788796a5b4c3d2e1f0 " +
		"after 1.5s at 2026-01-15T10:00:00Z"
	b := "got arn:aws:ecs:us-east-1:1:container-instance/d/99999999999999999999999999999999 " +
		"after 20ms at 2026-01-16T11:00:00Z"
	if normalise(a) != normalise(b) {
		t.Errorf("%q and %q differ after normalising", normalise(a), normalise(b))
	}
	if normalise("400 ClientException") == normalise("400 InvalidParameterException") {
		t.Errorf("error codes must not be normalised away")
	}
}
