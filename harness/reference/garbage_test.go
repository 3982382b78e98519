package reference

import (
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// garbageBodies are bodies no operation should accept, or should at worst ignore: each must
// get a 4xx, or a 200, but never a 5xx.
var garbageBodies = []string{
	``, ` `, `{}`, `null`, `true`, `0`, `"text"`, `[]`, `[{}]`, `{`, `}`, `{"a":}`, `{"a":1,}`,
	`{}{}`, "\x00\xff", `{"cluster":null}`, `{"cluster":{}}`, `{"cluster":[]}`,
	`{"cluster":"` + strings.Repeat("x", 300) + `"}`, `{"cluster":"arn:"}`,
	`{"cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/"}`,
	`{"containerInstance":"arn:aws:ecs:us-east-1:123456789012:container-instance///"}`,
	`{"containerInstances":[null,1]}`, `{"containerInstances":"x"}`,
	`{"containerInstances":["` + strings.Repeat("a/", 50) + `"]}`,
	`{"tasks":[""]}`, `{"task":"/"}`, `{"maxResults":-1}`, `{"maxResults":1e100}`,
	`{"maxResults":1.5}`, `{"nextToken":"=="}`, `{"count":99999999999}`,
	`{"totalResources":[{}]}`, `{"totalResources":{}}`, `{"instanceIdentityDocument":"[]"}`,
	`{"containerDefinitions":[{"portMappings":[{}]}],"family":"f"}`,
	`{"containerDefinitions":[null],"family":"f"}`, `{"taskDefinition":"::::"}`,
	`{"taskDefinition":"arn:aws:ecs:us-east-1:123456789012:task-definition/"}`,
	`{"status":"` + "\u00e9" + `"}`, `{"overrides":{"containerOverrides":[null]}}`,
}

// TestGarbageNeverAnswers5xx sends every garbage body to every operation, against a state
// with something of everything in it.
func TestGarbageNeverAnswers5xx(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("default")
	arn := e.registerInstance("default", "i-1").ContainerInstanceArn
	e.startTask("default", arn, e.registerTaskDefinition("f", 1, 1, 0))

	for _, op := range slices.Sorted(maps.Keys(e.server.handlers)) {
		for _, body := range garbageBodies {
			got := e.call(op, body)
			if got.status >= http.StatusInternalServerError {
				t.Errorf("%s with body %q: status %d, body %s", op, body, got.status, got.body)
			}
			checkProtocolHeaders(t, got)
		}
	}
}

// TestRequiredMembers sends each operation an empty object and then the required members
// one at a time blank: every time an InvalidParameterException naming the member, and no
// change.
func TestRequiredMembers(t *testing.T) {
	required := map[string][]string{
		"DeleteCluster":                 {"cluster"},
		"DeregisterContainerInstance":   {"containerInstance"},
		"DescribeContainerInstances":    {"containerInstances"},
		"UpdateContainerInstancesState": {"containerInstances", "status"},
		"RegisterTaskDefinition":        {"family", "containerDefinitions"},
		"DeregisterTaskDefinition":      {"taskDefinition"},
		"StartTask":                     {"containerInstances", "taskDefinition"},
		"RunTask":                       {"taskDefinition"},
		"SubmitTaskStateChange":         {"task"},
		"StopTask":                      {"task"},
		"DescribeTasks":                 {"tasks"},
	}
	complete := obj{
		"cluster": "default", "containerInstance": "abc", "containerInstances": []string{"abc"},
		"status": "ACTIVE", "family": "f", "taskDefinition": "f", "task": "abc",
		"tasks":                []string{"abc"},
		"containerDefinitions": []obj{{"name": "a", "image": "b", "memory": 1}},
	}

	for _, op := range slices.Sorted(maps.Keys(required)) {
		for _, member := range required[op] {
			t.Run(op+"/"+member, func(t *testing.T) {
				e := newEndpoint(t)
				e.createCluster("default")
				input := maps.Clone(complete)
				delete(input, member)
				e.checkBlank(op, member, input)

				input[member] = ""
				if _, isString := complete[member].(string); !isString {
					input[member] = []any{}
				}
				e.checkBlank(op, member, input)
			})
		}
	}
}

func (e *endpoint) checkBlank(op, member string, input obj) {
	e.t.Helper()
	message := e.fails(op, input, badRequest, codeInvalidParameter)
	if !strings.Contains(message, member) {
		e.t.Errorf("message %q does not name %s", message, member)
	}
}
