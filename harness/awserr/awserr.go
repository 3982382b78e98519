// Package awserr holds the suite's one matcher for AWS API errors. It judges both kinds of
// answer the suite receives: an error returned by the SDK, and a raw answer read off the wire.
package awserr

import (
	"errors"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/aws/smithy-go"
)

// Observed is what an answer said about itself, whichever way it arrived.
type Observed struct {
	Code      string // normalised: no namespace# prefix, no :suffix
	Status    int    // 0 when unknown
	Message   string
	RequestID string

	// Typed is true when the SDK returned its modelled type for Code (e.g.
	// *types.ClusterNotFoundException); always false for raw answers.
	Typed bool

	// Problems lists what is wrong with the shape of a raw answer, empty for SDK errors
	// (the SDK has read the shape already).
	Problems []string
}

// NormaliseCode strips what awsJson allows around an error code: a "namespace#" prefix and a
// ":suffix" (as the SDK does before matching codes).
func NormaliseCode(code string) string {
	if i := strings.LastIndex(code, "#"); i >= 0 {
		code = code[i+1:]
	}
	if i := strings.Index(code, ":"); i >= 0 {
		code = code[:i]
	}
	return strings.TrimSpace(code)
}

// FromSDK reads what an error returned by the SDK says. ok is false when err is not an API
// error at all (a network failure, a client-side validation error).
func FromSDK(err error) (obs Observed, ok bool) {
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return Observed{}, false
	}
	obs.Code = apiErr.ErrorCode()
	obs.Message = apiErr.ErrorMessage()

	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) {
		obs.Status = respErr.HTTPStatusCode()
		obs.RequestID = respErr.ServiceRequestID()
	}

	if isTyped, known := typedErrors[obs.Code]; known {
		obs.Typed = isTyped(err)
	}
	return obs, true
}

// typedErrors maps the codes the suite expects to a check that the SDK returned its modelled
// type for them, which is what a real client switches on.
var typedErrors = map[string]func(error) bool{
	"ClientException":                            is[*types.ClientException],
	"ClusterNotFoundException":                   is[*types.ClusterNotFoundException],
	"InvalidParameterException":                  is[*types.InvalidParameterException],
	"ServerException":                            is[*types.ServerException],
	"ClusterContainsContainerInstancesException": is[*types.ClusterContainsContainerInstancesException],
	"ClusterContainsTasksException":              is[*types.ClusterContainsTasksException],
	"AccessDeniedException":                      is[*types.AccessDeniedException],
}

func is[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}
