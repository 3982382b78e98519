package awserr

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// answering is an endpoint that gives every request the same answer.
func answering(t *testing.T, status int, header map[string]string, body string) awsclient.Endpoint {
	t.Helper()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for name, value := range header {
			w.Header().Set(name, value)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(server.Close)
	return awsclient.Endpoint{URL: server.URL}
}

var awsJSON = map[string]string{
	"Content-Type":     awsclient.ContentType,
	"x-amzn-RequestId": "b1c2d3",
}

func withHeader(name, value string) map[string]string {
	header := map[string]string{}
	for k, v := range awsJSON {
		header[k] = v
	}
	if value == "" {
		delete(header, name)
	} else {
		header[name] = value
	}
	return header
}

func sdkError(t *testing.T, e awsclient.Endpoint) error {
	t.Helper()
	_, err := awsclient.NewECS(e).DeregisterContainerInstance(context.Background(),
		&ecs.DeregisterContainerInstanceInput{ContainerInstance: aws.String("abc")})
	return err
}

func rawAnswer(t *testing.T, e awsclient.Endpoint) *awsclient.Response {
	t.Helper()
	resp, err := awsclient.NewRaw(e).Call(context.Background(), "DeregisterContainerInstance",
		[]byte(`{"containerInstance":"abc"}`))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestBeAPIErrorOnSDKErrors(t *testing.T) {
	cases := []struct {
		name      string
		status    int
		body      string
		matcher   func() *apiErrorMatcher
		wantMatch bool
		wantWhy   string
	}{
		{"the expected code", 400, `{"__type":"ClusterNotFoundException","message":"Cluster not found."}`,
			expect(400, "ClusterNotFoundException"), true, ""},
		{"a namespaced code", 400, `{"__type":"com.amazonaws.ecs#ClientException","message":"x"}`,
			expect(400, "ClientException", "InvalidParameterException"), true, ""},
		{"another code", 400, `{"__type":"ClientException","message":"x"}`,
			expect(400, "ClusterNotFoundException"), false, `code is "ClientException"`},
		{"the wrong status", 500, `{"__type":"ClientException","message":"x"}`,
			expect(400, "ClientException"), false, "HTTP status is 500"},
		{"no message", 400, `{"__type":"ClientException"}`,
			expect(400, "ClientException"), false, "message is empty"},
		{"an unmodelled code", 400, `{"__type":"NoSuchThing","message":"x"}`,
			expect(400, "NoSuchThing"), true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := sdkError(t, answering(t, c.status, awsJSON, c.body))
			m := c.matcher()
			got, matchErr := m.Match(err)
			if matchErr != nil {
				t.Fatal(matchErr)
			}
			if got != c.wantMatch {
				t.Fatalf("Match = %t, want %t: %s", got, c.wantMatch, m.FailureMessage(err))
			}
			if !got && !strings.Contains(m.FailureMessage(err), c.wantWhy) {
				t.Errorf("failure message %q does not say %q", m.FailureMessage(err), c.wantWhy)
			}
		})
	}
}

func TestBeAPIErrorOnRawAnswers(t *testing.T) {
	body := `{"__type":"InvalidParameterException","message":"bad"}`
	cases := []struct {
		name    string
		header  map[string]string
		body    string
		wantWhy string // empty: must match
	}{
		{"the awsJson error shape", withHeader("X-Amzn-ErrorType", "InvalidParameterException"),
			body, ""},
		{"no request ID", withHeader("x-amzn-RequestId", ""), body, "no x-amzn-RequestId"},
		{"another content type", withHeader("Content-Type", "text/html"), body, "content type"},
		{"a capitalised Message", awsJSON, `{"__type":"InvalidParameterException","Message":"b"}`,
			`lowercase`},
		{"an HTML body", awsJSON, "<html>bad</html>", "not a JSON object"},
		{"a header that disagrees", withHeader("X-Amzn-ErrorType", "ClientException"), body,
			"disagrees"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := rawAnswer(t, answering(t, 400, c.header, c.body))
			m := expect(400, "InvalidParameterException")()
			got, err := m.Match(resp)
			if err != nil {
				t.Fatal(err)
			}
			if got != (c.wantWhy == "") {
				t.Fatalf("Match = %t: %s", got, m.FailureMessage(resp))
			}
			if !got && !strings.Contains(m.FailureMessage(resp), c.wantWhy) {
				t.Errorf("failure message %q does not say %q", m.FailureMessage(resp), c.wantWhy)
			}
		})
	}
}

func TestBeAPIErrorRefusesNonAPIErrors(t *testing.T) {
	m := expect(400, "ClientException")()
	for _, actual := range []any{nil, errors.New("dial tcp: connection refused")} {
		if got, err := m.Match(actual); got || err != nil {
			t.Errorf("Match(%v) = %t, %v; want false, nil", actual, got, err)
		}
	}
	if _, err := m.Match(42); err == nil {
		t.Error("Match(42) gave no error for a value that is neither an error nor an answer")
	}
}

func TestNormaliseCode(t *testing.T) {
	for in, want := range map[string]string{
		"ClientException":                                     "ClientException",
		"com.amazonaws.ecs#ClientException":                   "ClientException",
		"ClientException:http://internal.amazon.com/coral/x/": "ClientException",
		"aws.protocoltests#Foo:bar":                           "Foo",
	} {
		if got := NormaliseCode(in); got != want {
			t.Errorf("NormaliseCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func expect(status int, codes ...string) func() *apiErrorMatcher {
	return func() *apiErrorMatcher { return BeAPIError(status, codes...).(*apiErrorMatcher) }
}

func TestBeAPIErrorWildcards(t *testing.T) {
	body := `{"__type":"RequestEntityTooLargeException","message":"too big"}`
	header := withHeader("X-Amzn-ErrorType", "")
	cases := []struct {
		status    int
		matcher   func() *apiErrorMatcher
		wantMatch bool
	}{
		{413, expect(AnyClientStatus, AnyCode), true},
		{413, expect(AnyClientStatus, "SerializationException"), false},
		{500, expect(AnyClientStatus, AnyCode), false},
		{413, expect(400, AnyCode), false},
	}
	for _, c := range cases {
		resp := rawAnswer(t, answering(t, c.status, header, body))
		m := c.matcher()
		if got, _ := m.Match(resp); got != c.wantMatch {
			t.Errorf("status %d, %s: Match = %t, want %t", c.status, m.describe(), got,
				c.wantMatch)
		}
	}
}
