package reference

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests when any goroutine outlives them: a server started
// and closed, a request answered or refused, must leave nothing running.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestListenAndCloseLeaveNoGoroutine checks one Listen and Close on its own, so that a leak
// is named here rather than only at the end of the package.
func TestListenAndCloseLeaveNoGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	running, err := New(Options{}).Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := running.Close(); err != nil {
		t.Fatal(err)
	}
}
