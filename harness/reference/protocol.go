package reference

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// The awsJson1_1 framing of ECS: the operation travels in X-Amz-Target, the input and the
// output are JSON objects of this content type.
const (
	targetPrefix    = "AmazonEC2ContainerServiceV20141113."
	jsonContentType = "application/x-amz-json-1.1"
)

// errorBody is the JSON of every error answer. The lowercase `message` is what ECS sends.
type errorBody struct {
	Type    string `json:"__type"`
	Message string `json:"message"`
}

func methodNotAllowed(method string) error {
	return &apiError{
		status:  http.StatusMethodNotAllowed,
		code:    codeMethodNotAllowed,
		message: fmt.Sprintf("Method %s is not allowed; requests must be POST.", method),
	}
}

func unknownOperation(target string) error {
	return clientFault(codeUnknownOperation, "Unknown operation: %q.", target)
}

// operationName extracts the operation from the X-Amz-Target header.
func operationName(target string) (string, error) {
	if target == "" {
		return "", clientFault(codeUnknownOperation, "Missing X-Amz-Target header.")
	}
	op, ok := strings.CutPrefix(target, targetPrefix)
	if !ok || op == "" {
		return "", unknownOperation(target)
	}
	return op, nil
}

// checkContentType accepts the awsJson1_1 media type with any parameters (the SDKs never add
// one, but `; charset=utf-8` is harmless and some hand-written clients send it).
func checkContentType(header string) error {
	mediaType, _, err := mime.ParseMediaType(header)
	if err != nil || mediaType != jsonContentType {
		return serializationError("Content-Type must be %s, got %q.", jsonContentType, header)
	}
	return nil
}

// readBody reads at most limit bytes; a longer body is refused whole with 413.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &apiError{
			status:  http.StatusRequestEntityTooLarge,
			code:    codeRequestTooLarge,
			message: fmt.Sprintf("The request body exceeds %d bytes.", limit),
		}
	}
	if err != nil {
		return nil, serializationError("The request body could not be read: %v", err)
	}
	return body, nil
}

// decodeBody fills into (a pointer to a request struct) from a JSON object. An empty body
// counts as `{}`, as on AWS. Unknown members are ignored, as on AWS.
//
// Shortcoming: encoding/json matches member names case-insensitively, so `"Cluster"` is read
// as `cluster`, where AWS would ignore it as an unknown member; no SDK sends such names.
func decodeBody(body []byte, into any) error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil
	}
	if body[0] != '{' {
		return serializationError("The request body must be a JSON object.")
	}

	err := json.Unmarshal(body, into)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return serializationError("Member %s has the wrong type: got %s, expected %s.",
			typeErr.Field, typeErr.Value, jsonKind(typeErr.Type.Kind().String()))
	default:
		return serializationError("The request body is not valid JSON: %v", err)
	}
}

// jsonKind names a Go kind the way a JSON client thinks of it.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	default:
		return "a number"
	}
}

// writeAnswer sends the success payload or the error JSON with the headers every ECS
// answer carries, and returns the status and error code for the log line. An error that is
// not an API error is a bug of this endpoint, so it becomes a ServerException.
func (s *Server) writeAnswer(w http.ResponseWriter, requestID string, payload []byte,
	err error) (int, string) {
	status, code := http.StatusOK, ""
	if err != nil {
		apiErr := &apiError{}
		if !errors.As(err, &apiErr) {
			apiErr = serverError().(*apiError)
		}
		status, code = apiErr.status, apiErr.code
		// Two strings always encode, so there is no error to handle.
		payload, _ = json.Marshal(errorBody{Type: apiErr.code, Message: apiErr.message})
		if s.has(DefectErrorMessageKey) {
			// Defect: the member is spelt as some emulators' JSON libraries spell it.
			payload, _ = json.Marshal(map[string]string{"__type": apiErr.code,
				"Message": apiErr.message})
		}
		w.Header().Set("X-Amzn-ErrorType", apiErr.code)
	}

	w.Header().Set("Content-Type", jsonContentType)
	if err == nil || !s.has(DefectErrorWithoutID) { // Defect: errors lose their request ID.
		w.Header().Set("x-amzn-RequestId", requestID)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	_, _ = w.Write(payload)
	return status, code
}
