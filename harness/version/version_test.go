package version

import (
	"context"
	"regexp"
	"testing"
)

func TestSDKNamesTheECSClientVersion(t *testing.T) {
	if got := SDK(); !regexp.MustCompile(`^1\.[0-9]+\.[0-9]+`).MatchString(got) {
		t.Errorf("SDK() = %q, want a version such as 1.106.0", got)
	}
}

func TestSuiteOutsideGitIsEmpty(t *testing.T) {
	if got := Suite(context.Background(), t.TempDir()); got != "" {
		t.Errorf("Suite outside a checkout = %q, want empty", got)
	}
}
