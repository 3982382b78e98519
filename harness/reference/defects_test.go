package reference

import (
	"strings"
	"testing"
)

func TestParseDefects(t *testing.T) {
	got, err := ParseDefects(" stays-active, ,force-ignored ")
	if err != nil || len(got) != 2 || got[0] != DefectStaysActive || got[1] != DefectForceIgnored {
		t.Fatalf("ParseDefects = %v, %v", got, err)
	}
	if _, err := ParseDefects("stays-active,no-such-bug"); err == nil ||
		!strings.Contains(err.Error(), `"no-such-bug"`) {
		t.Errorf("ParseDefects accepted an unknown defect: %v", err)
	}
}

func TestEveryDefectSaysWhatItDoes(t *testing.T) {
	for _, d := range Defects() {
		if d.Effect() == "" {
			t.Errorf("defect %s has no effect description", d)
		}
	}
}

func TestANewServerHasNoDefect(t *testing.T) {
	s := New(Options{})
	for _, d := range Defects() {
		if s.has(d) {
			t.Errorf("a server built with zero Options has defect %s", d)
		}
	}
}
