package reference

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/smithy-go"
)

// The credentials a verifying endpoint knows in these tests. They have the shape of real
// ones, so that a leak into the log would be caught by the same patterns as a real key.
const (
	testKeyID  = "AKIAIOSFODNN7EXAMPLE"
	testSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

// verifyingEndpoint serves a reference that verifies SigV4 against the test credentials and
// logs into the returned buffer.
func verifyingEndpoint(t *testing.T) (string, *bytes.Buffer) {
	t.Helper()
	var log bytes.Buffer
	server := New(Options{
		Credentials: map[string]string{testKeyID: testSecret},
		Logger:      slog.New(slog.NewTextHandler(&log, nil)),
	})
	ts := httptest.NewServer(server)
	t.Cleanup(ts.Close)
	return ts.URL, &log
}

// sdkCall makes ListClusters through the AWS SDK, signed with the given key.
func sdkCall(url, keyID, secret string) error {
	client := ecs.New(ecs.Options{
		Region:       DefaultRegion,
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(keyID, secret, ""),
		Retryer:      aws.NopRetryer{},
	})
	_, err := client.ListClusters(context.Background(), &ecs.ListClustersInput{})
	return err
}

func TestSigV4AcceptsTheSDKsSignature(t *testing.T) {
	url, _ := verifyingEndpoint(t)
	if err := sdkCall(url, testKeyID, testSecret); err != nil {
		t.Fatalf("a request the SDK signed with the known key was refused: %v", err)
	}
}

func TestSigV4RefusesAsAWSDoes(t *testing.T) {
	url, log := verifyingEndpoint(t)

	cases := []struct {
		name, keyID, secret, code string
	}{
		{"wrong secret", testKeyID, "not-the-secret", codeBadSignature},
		{"unknown key", "AKIDUNKNOWNKEY000000", testSecret, codeUnknownKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := sdkCall(url, c.keyID, c.secret)
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) || apiErr.ErrorCode() != c.code {
				t.Fatalf("got %v, want %s", err, c.code)
			}
		})
	}

	t.Run("no signature", func(t *testing.T) {
		r := signedRequest(t, url, `{}`, nil)
		answer := send(t, r)
		expectRefusal(t, answer, codeMissingToken, "Missing Authentication Token")
	})

	t.Run("body changed after signing", func(t *testing.T) {
		r := signedRequest(t, url, `{}`, &signing{at: time.Now()})
		r.Body, r.ContentLength = http.NoBody, 0
		expectRefusal(t, send(t, r), codeBadSignature, "does not match")
	})

	t.Run("signed long ago", func(t *testing.T) {
		r := signedRequest(t, url, `{}`, &signing{at: time.Now().Add(-time.Hour)})
		expectRefusal(t, send(t, r), codeBadSignature, "Signature expired")
	})

	t.Run("another service's scope", func(t *testing.T) {
		r := signedRequest(t, url, `{}`, &signing{at: time.Now(), service: "ec2"})
		expectRefusal(t, send(t, r), codeBadSignature, "correct service")
	})

	t.Run("not SigV4", func(t *testing.T) {
		r := signedRequest(t, url, `{}`, nil)
		r.Header.Set("Authorization", "Basic dXNlcjpwYXNz")
		expectRefusal(t, send(t, r), codeIncompleteSigning, "AWS4-HMAC-SHA256")
	})

	// The log names the refusal but never the secret, the key or a signature.
	for _, leak := range []string{testSecret, testKeyID, "Signature=", "Credential="} {
		if strings.Contains(log.String(), leak) {
			t.Errorf("the endpoint's log contains %q:\n%s", leak, log)
		}
	}
}

// signing says how signedRequest signs; nil sends no signature.
type signing struct {
	at      time.Time
	service string
}

func signedRequest(t *testing.T, url, body string, how *signing) *http.Request {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, url+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("X-Amz-Target", targetPrefix+"ListClusters")
	r.Header.Set("Content-Type", jsonContentType)
	if how == nil {
		return r
	}
	service := how.service
	if service == "" {
		service = sigV4Service
	}
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret}
	err = v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]),
		service, DefaultRegion, how.at)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func send(t *testing.T, r *http.Request) *http.Response {
	t.Helper()
	answer, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = answer.Body.Close() })
	return answer
}

// expectRefusal checks a 400 awsJson error answer with code and a message containing text.
func expectRefusal(t *testing.T, answer *http.Response, code, text string) {
	t.Helper()
	var body errorBody
	if err := json.NewDecoder(answer.Body).Decode(&body); err != nil {
		t.Fatalf("the answer is not JSON: %v", err)
	}
	if answer.StatusCode != http.StatusBadRequest || body.Type != code ||
		!strings.Contains(body.Message, text) {
		t.Errorf("got %d %s %q, want 400 %s with %q", answer.StatusCode, body.Type,
			body.Message, code, text)
	}
	if answer.Header.Get("x-amzn-RequestId") == "" {
		t.Error("the refusal has no x-amzn-RequestId")
	}
}
