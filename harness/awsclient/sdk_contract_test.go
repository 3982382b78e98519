package awsclient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/smithy-go"
)

// The suite relies on the SDK refusing, on the client side, a DeregisterContainerInstance
// without containerInstance (the member is required): that is why the server's answer to it
// is checked with the raw client only. An SDK upgrade that changed this would show here.
func TestSDKRefusesAMissingContainerInstanceWithoutSending(t *testing.T) {
	var requests atomic.Int64
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", ContentType)
		_, _ = w.Write([]byte(`{}`))
	}))
	defer server.Close()

	client := NewECS(Endpoint{URL: server.URL})
	_, err := client.DeregisterContainerInstance(context.Background(),
		&ecs.DeregisterContainerInstanceInput{Cluster: aws.String("any")})

	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) {
		t.Fatalf("got %v, want a smithy.InvalidParamsError", err)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("the SDK sent %d requests, want none", n)
	}
}
