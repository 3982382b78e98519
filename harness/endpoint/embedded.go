package endpoint

import (
	"fmt"

	"github.com/ecs-conformance/deregister/harness/reference"
)

// StartEmbedded starts the project's reference endpoint in this process on a free loopback
// port, with the defects given (none, but for the mutation self-check), and returns its URL
// and the function that stops it.
func StartEmbedded(region string, defects []reference.Defect) (url string, stop func() error,
	err error) {
	options := reference.Options{Region: region, Defects: defects}
	running, err := reference.New(options).Listen("127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("starting the embedded reference endpoint: %w", err)
	}
	return running.URL, running.Close, nil
}
