// Package version tells which suite and which AWS SDK a run used, for its report and for the
// tag of the reference image.
package version

import (
	"context"
	"errors"
	"net/http"
	"os/exec"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
)

// SDKModule is the module whose version reports name: the SDK's ECS client.
const SDKModule = "github.com/aws/aws-sdk-go-v2/service/ecs"

// userAgentVersion finds the ECS client's version in the User-Agent the SDK sends
// ("... api/ecs#1.106.0 ...").
var userAgentVersion = regexp.MustCompile(`api/ecs#(\S+)`)

// errCaptured stops the one request SDK makes: it is never sent.
var errCaptured = errors.New("captured")

// SDK returns the version of the SDK's ECS client built into this program, as the client
// itself states it in its User-Agent, or "unknown". (Test binaries carry no module versions
// in their build information, so the SDK is asked instead.)
func SDK() string {
	var userAgent string
	capture := aws.HTTPClient(doFunc(func(req *http.Request) (*http.Response, error) {
		userAgent = req.Header.Get("User-Agent")
		return nil, errCaptured
	}))
	client := ecs.New(ecs.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String("http://127.0.0.1:1"),
		HTTPClient:   capture,
		Retryer:      aws.NopRetryer{},
		Credentials:  aws.AnonymousCredentials{},
	})
	_, _ = client.ListClusters(context.Background(), &ecs.ListClustersInput{})

	if match := userAgentVersion.FindStringSubmatch(userAgent); match != nil {
		return match[1]
	}
	return "unknown"
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(req *http.Request) (*http.Response, error) { return f(req) }

// Suite returns `git describe --always --dirty` of the repository at dir (empty: the
// current directory), or "" when that is not a git checkout.
func Suite(ctx context.Context, dir string) string {
	args := []string{"describe", "--always", "--dirty"}
	if dir != "" {
		args = append([]string{"-C", dir}, args...)
	}
	out, err := exec.CommandContext(ctx, "git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
