package awserr

import (
	"fmt"
	"slices"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// Wildcards for BeAPIError, for requests whose exact answer nobody has published: they still
// must be answered with a client error in the awsJson shape.
const (
	// AnyClientStatus, given as the status, accepts any 4xx status.
	AnyClientStatus = -4

	// AnyCode, given as the only code, accepts any error code.
	AnyCode = "*"
)

// BeAPIError succeeds when the actual value, an error returned by the SDK or a raw
// *awsclient.Response, is an AWS API error with HTTP status and one of codes, and carries a
// non-empty message. Giving several codes accepts any of them: that is how specs of inferred
// behaviour accept the documented set of answers.
//
// For SDK errors it also requires the SDK's modelled type for the code (errors.As), since
// that is what real clients switch on. For raw answers it also requires the awsJson error
// shape (see FromRaw).
func BeAPIError(status int, codes ...string) types.GomegaMatcher {
	if len(codes) == 0 {
		panic("awserr.BeAPIError needs at least one error code")
	}
	return &apiErrorMatcher{status: status, codes: codes}
}

type apiErrorMatcher struct {
	status int
	codes  []string

	observed Observed
	why      []string
}

func (m *apiErrorMatcher) Match(actual any) (bool, error) {
	switch v := actual.(type) {
	case nil:
		m.observed, m.why = Observed{}, []string{"there was no error: the call succeeded"}
		return false, nil
	case *awsclient.Response:
		m.observed = FromRaw(v)
	case error:
		obs, ok := FromSDK(v)
		if !ok {
			m.observed, m.why = Observed{}, []string{"not an API error: " + v.Error()}
			return false, nil
		}
		m.observed = obs
	default:
		return false, fmt.Errorf("BeAPIError expects an error or *awsclient.Response, got %T",
			actual)
	}

	m.why = m.mismatches(actual)
	return len(m.why) == 0, nil
}

func (m *apiErrorMatcher) mismatches(actual any) []string {
	obs := m.observed
	why := append([]string(nil), obs.Problems...)

	if !m.codeMatches(obs.Code) {
		why = append(why, fmt.Sprintf("code is %q", obs.Code))
	}
	if !m.statusMatches(obs.Status) {
		why = append(why, fmt.Sprintf("HTTP status is %d", obs.Status))
	}
	if strings.TrimSpace(obs.Message) == "" {
		why = append(why, "message is empty")
	}
	if _, isErr := actual.(error); isErr && m.codeMatches(obs.Code) {
		if _, modelled := typedErrors[obs.Code]; modelled && !obs.Typed {
			why = append(why, fmt.Sprintf("the SDK did not return its type for %s", obs.Code))
		}
	}
	return why
}

func (m *apiErrorMatcher) codeMatches(code string) bool {
	return slices.Contains(m.codes, code) || (slices.Equal(m.codes, []string{AnyCode}) &&
		code != "")
}

func (m *apiErrorMatcher) statusMatches(status int) bool {
	if m.status == AnyClientStatus {
		return status >= 400 && status < 500
	}
	return status == m.status
}

func (m *apiErrorMatcher) FailureMessage(any) string {
	return fmt.Sprintf("Expected %s\nbut %s\n(answer: %s)", m.describe(),
		strings.Join(m.why, "; "), m.observed)
}

func (m *apiErrorMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected anything but %s\n(answer: %s)", m.describe(), m.observed)
}

func (m *apiErrorMatcher) describe() string {
	code, status := "code "+strings.Join(m.codes, " or "), fmt.Sprintf("HTTP status %d", m.status)
	if slices.Equal(m.codes, []string{AnyCode}) {
		code = "any code"
	}
	if m.status == AnyClientStatus {
		status = "a 4xx HTTP status"
	}
	return fmt.Sprintf("an AWS API error with %s, %s and a message", code, status)
}

// String renders an observed answer on one line for failure messages.
func (o Observed) String() string {
	return fmt.Sprintf("code=%q status=%d message=%q requestId=%q", o.Code, o.Status,
		o.Message, o.RequestID)
}
