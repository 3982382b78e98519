package wire

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// SampleRequest reads the reference page's sample request (an HTTP/1.1 message) and
// returns it with the value of containerInstance replaced by instance, and the new body.
// Host, Content-Length, X-Amz-Date and Authorization are left for the sender to set.
func SampleRequest(message []byte, instance string) (*http.Request, []byte, error) {
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(message)))
	if err != nil {
		return nil, nil, fmt.Errorf("sample request: %w", err)
	}

	var body map[string]any
	if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
		return nil, nil, fmt.Errorf("sample request body: %w", err)
	}
	if _, ok := body["containerInstance"]; !ok {
		return nil, nil, fmt.Errorf("sample request body has no containerInstance")
	}
	body["containerInstance"] = instance

	encoded, err := json.Marshal(body)
	return req, encoded, err
}
