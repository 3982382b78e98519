package reference

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes, spelled as the `__type` values ECS and the awsJson1_1 protocol use.
const (
	codeClient               = "ClientException"
	codeClusterNotFound      = "ClusterNotFoundException"
	codeInvalidParameter     = "InvalidParameterException"
	codeServer               = "ServerException"
	codeSerialization        = "SerializationException"
	codeUnknownOperation     = "UnknownOperationException"
	codeMethodNotAllowed     = "MethodNotAllowedException"
	codeRequestTooLarge      = "RequestEntityTooLargeException"
	codeInstancesStillActive = "ClusterContainsContainerInstancesException"
	codeTasksStillActive     = "ClusterContainsTasksException"
	codeServicesStillActive  = "ClusterContainsServicesException"
	codeServiceNotFound      = "ServiceNotFoundException"
	codeServiceNotActive     = "ServiceNotActiveException"
)

// apiError is an answer that is not a success: the HTTP status, the `__type` code and the
// human-readable message. Operations return it as a plain error.
type apiError struct {
	status  int
	code    string
	message string
}

// Error reports the code and message, which is what a log line needs.
func (e *apiError) Error() string {
	return e.code + ": " + e.message
}

// clientFault builds a 400 answer; every modelled ECS error except ServerException is one.
func clientFault(code, format string, args ...any) error {
	message := fmt.Sprintf(format, args...)
	return &apiError{status: http.StatusBadRequest, code: code, message: message}
}

func invalidParameter(format string, args ...any) error {
	return clientFault(codeInvalidParameter, format, args...)
}

func clientError(format string, args ...any) error {
	return clientFault(codeClient, format, args...)
}

func serializationError(format string, args ...any) error {
	return clientFault(codeSerialization, format, args...)
}

func clusterNotFound() error {
	return clientFault(codeClusterNotFound, "Cluster not found.")
}

// invalidIdentifier is ECS's answer to an identifier that is neither a bare ID nor a
// well-formed ARN of the expected kind in this region and account.
func invalidIdentifier(text string) error {
	return invalidParameter("Invalid identifier: %s", text)
}

// errInstanceNotFound marks the answer to a container instance this endpoint does not know.
var errInstanceNotFound = errors.New("container instance not found")

// instanceNotFound answers an unknown container instance. The exact AWS answer is
// unconfirmed (the conformance suite accepts ClientException or InvalidParameterException);
// InvalidParameterException is chosen here.
func instanceNotFound(id string) error {
	return fmt.Errorf("%w: %w", errInstanceNotFound,
		invalidParameter("Container instance not found: %s", id))
}

// blank reports a required member that is absent, null or empty.
func blank(member string) error {
	return invalidParameter("%s can not be blank.", member)
}

func serverError() error {
	return &apiError{
		status:  http.StatusInternalServerError,
		code:    codeServer,
		message: "The server encountered an internal error.",
	}
}
