package wire

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ecs-conformance/deregister/fixtures"
)

func decode(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func shapes(t *testing.T) Shapes {
	t.Helper()
	s, err := ParseShapes(fixtures.ECSShapes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCheckAcceptsThePageSample(t *testing.T) {
	sample := decode(t, string(fixtures.SampleResponse))
	if problems := shapes(t).Check("DeregisterContainerInstanceResponse", sample); len(problems) > 0 {
		t.Errorf("the page's own sample departs from the model: %v", problems)
	}
}

func TestCheckReportsWrongTypesAndUnknownMembers(t *testing.T) {
	answer := decode(t, `{"containerInstance": {"version": "3", "agentConnected": true,
		"registeredResources": [{"name": "CPU", "integerValue": "1024"}],
		"deregisteredAt": 1.7e9}}`)
	got := shapes(t).Check("DeregisterContainerInstanceResponse", answer)
	want := []string{
		"DeregisterContainerInstanceResponse.containerInstance.deregisteredAt: not a member " +
			"of ContainerInstance in the ECS model",
		"DeregisterContainerInstanceResponse.containerInstance.registeredResources[0]." +
			"integerValue: a string, want a number",
		"DeregisterContainerInstanceResponse.containerInstance.version: a string, want a number",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNormaliseKeepsSameValuesSame(t *testing.T) {
	arn := "arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef0123456789abcdef"
	other := "arn:aws:ecs:eu-west-1:210987654321:container-instance/d/fedcba9876543210fedcba9876543210"
	value := decode(t, `{"a": "`+arn+`", "b": "`+other+`", "c": ["`+arn+`"],
		"ec2InstanceId": "i-0c3826c9", "registeredAt": 1.5e9, "version": 4,
		"id": "c9c9a6f2-8766-464b-8805-9c57b9368fb0", "status": "INACTIVE"}`)

	var out strings.Builder
	encoder := json.NewEncoder(&out)
	encoder.SetEscapeHTML(false)
	_ = encoder.Encode(Normalise(value))
	got := strings.TrimSpace(out.String())
	want := `{"a":"<container-instance-1>","b":"<container-instance-2>",` +
		`"c":["<container-instance-1>"],"ec2InstanceId":"<ec2-instance-1>",` +
		`"id":"<id-1>","registeredAt":"<timestamp>","status":"INACTIVE","version":4}`
	if got != want {
		t.Errorf("Normalise =\n%s\nwant\n%s", got, want)
	}
}

func TestCompareWithSample(t *testing.T) {
	sample := Normalise(decode(t, `{"ci": {"arn": "arn:aws:ecs:r:1:container-instance/x/y",
		"status": "INACTIVE", "agentConnected": true,
		"resources": [{"name": "CPU", "type": "INTEGER", "integerValue": 1024}]}}`))

	cases := map[string]struct {
		answer string
		want   string // empty: no problem
	}{
		"the same shape": {`{"ci": {"arn": "arn:aws:ecs:q:2:container-instance/z/w",
			"status": "INACTIVE", "agentConnected": false, "extra": 1,
			"resources": [{"name": "MEMORY", "type": "INTEGER", "integerValue": 1},
			{"name": "CPU", "type": "INTEGER", "integerValue": 2048}]}}`, ""},
		"a member missing": {`{"ci": {"arn": "arn:aws:ecs:q:2:container-instance/z/w",
			"status": "INACTIVE", "resources": []}}`, ".ci.agentConnected: missing"},
		"another status": {`{"ci": {"arn": "arn:aws:ecs:q:2:container-instance/z/w",
			"status": "ACTIVE", "agentConnected": true, "resources": []}}`,
			`.ci.status: "ACTIVE", the sample has "INACTIVE"`},
		"not an ARN": {`{"ci": {"arn": "w", "status": "INACTIVE", "agentConnected": true,
			"resources": []}}`, `.ci.arn: "w", the sample has "<container-instance-1>"`},
		"a wrong type": {`{"ci": {"arn": "arn:aws:ecs:q:2:container-instance/z/w",
			"status": "INACTIVE", "agentConnected": "true",
			"resources": [{"name": "CPU", "type": "INTEGER", "integerValue": "1"}]}}`,
			".ci.agentConnected: a string, the sample has a boolean"},
	}
	for name, c := range cases {
		problems := CompareWithSample(sample, Normalise(decode(t, c.answer)))
		joined := strings.Join(problems, "\n")
		if (c.want == "") != (len(problems) == 0) || !strings.Contains(joined, c.want) {
			t.Errorf("%s: problems %q, want %q", name, joined, c.want)
		}
	}
}

func TestSampleRequestSubstitutesTheInstance(t *testing.T) {
	req, body, err := SampleRequest(fixtures.SampleRequest, "abc123")
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != `{"containerInstance":"abc123"}` {
		t.Errorf("body = %s", body)
	}
	if got := req.Header.Get("X-Amz-Target"); got !=
		"AmazonEC2ContainerServiceV20141113.DeregisterContainerInstance" {
		t.Errorf("X-Amz-Target = %q", got)
	}
	if rest, _ := io.ReadAll(req.Body); len(rest) != 0 {
		t.Errorf("the sample has %d bytes after its JSON body", len(rest))
	}
}
