package reference

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// controlRequest builds a call of the agent control op (connect or disconnect).
func controlRequest(op, cluster, instance string) *http.Request {
	body := `{"cluster":"` + cluster + `","containerInstance":"` + instance + `"}`
	r := httptest.NewRequest(http.MethodPost, controlPrefix+"agents/"+op, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func TestAgentControlDisconnectsAndConnects(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("c")
	arn := e.registerInstance("c", "i-0123456789abcdef0").ContainerInstanceArn

	for _, step := range []struct {
		op   string
		want bool
	}{{"disconnect", false}, {"disconnect", false}, {"connect", true}} {
		got := e.send(controlRequest(step.op, "c", arn))
		if got.status != http.StatusOK {
			t.Fatalf("%s: %d %s", step.op, got.status, got.body)
		}
		if connected := e.describeInstance("c", arn).AgentConnected; connected != step.want {
			t.Errorf("after %s: agentConnected %t, want %t", step.op, connected, step.want)
		}
	}

	got := e.send(controlRequest("reboot", "c", arn))
	checkError(t, got, http.StatusBadRequest, codeUnknownOperation)
	got = e.send(controlRequest("disconnect", "c", "0123456789abcdef0123456789abcdef"))
	checkError(t, got, http.StatusBadRequest, codeInvalidParameter)
}
