package reference

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// The SigV4 framing ECS expects: the algorithm, the service of the credential scope, and how
// far a request's X-Amz-Date may be from the endpoint's clock.
const (
	sigV4Algorithm = "AWS4-HMAC-SHA256"
	sigV4Service   = "ecs"
	sigV4Terminal  = "aws4_request"
	amzDateFormat  = "20060102T150405Z"
	maxClockSkew   = 5 * time.Minute
)

// Error codes of authentication, as AWS's front end answers them for awsJson services.
const (
	codeMissingToken      = "MissingAuthenticationTokenException"
	codeUnknownKey        = "UnrecognizedClientException"
	codeBadSignature      = "InvalidSignatureException"
	codeIncompleteSigning = "IncompleteSignatureException"
)

// signatureMismatch is AWS's sentence for a signature that does not verify. Unlike some AWS
// services, it carries no canonical request here: that would echo signed headers into logs.
const signatureMismatch = "The request signature we calculated does not match the signature " +
	"you provided. Check your AWS Secret Access Key and signing method. Consult the service " +
	"documentation for details."

// authorization is a parsed SigV4 Authorization header.
type authorization struct {
	accessKeyID   string
	date          string // the scope's yyyymmdd
	region        string
	service       string
	signedHeaders []string
}

// authenticate checks the SigV4 signature of a request whose body has been read, when
// Options.Credentials names any: the access key must be known and the signature must be the
// one its secret gives. It recomputes the signature with the AWS SDK's own signer over a copy
// of the request holding only the headers the client says it signed.
//
// Shortcomings: presigned URLs (X-Amz-Signature in the query) and session tokens are not
// checked for meaning (a token is signed over like any header, never validated), and the
// exact messages of AWS's scope errors are paraphrased.
func (s *Server) authenticate(r *http.Request, body []byte) error {
	header := r.Header.Get("Authorization")
	if header == "" {
		return clientFault(codeMissingToken, "Missing Authentication Token")
	}
	auth, err := parseAuthorization(header)
	if err != nil {
		return err
	}
	secret, known := s.opts.Credentials[auth.accessKeyID]
	if !known {
		return clientFault(codeUnknownKey, "The security token included in the request is "+
			"invalid.")
	}
	switch {
	case auth.service != sigV4Service:
		return clientFault(codeBadSignature, "Credential should be scoped to correct "+
			"service: '%s'.", sigV4Service)
	case auth.region != s.opts.Region:
		return clientFault(codeBadSignature, "Credential should be scoped to a valid region.")
	}

	signedAt, err := s.signingTime(r, auth)
	if err != nil {
		return err
	}

	want, err := resign(r, body, auth, secret, signedAt)
	if err != nil {
		return clientFault(codeBadSignature, signatureMismatch)
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(header)) != 1 {
		return clientFault(codeBadSignature, signatureMismatch)
	}
	return nil
}

// parseAuthorization reads `AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request,
// SignedHeaders=a;b, Signature=HEX`.
func parseAuthorization(header string) (authorization, error) {
	var auth authorization
	algorithm, rest, _ := strings.Cut(header, " ")
	if algorithm != sigV4Algorithm {
		return auth, clientFault(codeIncompleteSigning, "Unsupported authorization type; "+
			"only %s is accepted.", sigV4Algorithm)
	}

	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[name] = value
	}
	for _, name := range []string{"Credential", "SignedHeaders", "Signature"} {
		if fields[name] == "" {
			return auth, clientFault(codeIncompleteSigning, "Authorization header requires "+
				"'%s' parameter.", name)
		}
	}

	scope := strings.Split(fields["Credential"], "/")
	if len(scope) != 5 || scope[4] != sigV4Terminal {
		return auth, clientFault(codeIncompleteSigning, "Credential should be of the form "+
			"KEY/DATE/REGION/SERVICE/%s.", sigV4Terminal)
	}
	auth.accessKeyID, auth.date, auth.region, auth.service = scope[0], scope[1], scope[2],
		scope[3]
	auth.signedHeaders = strings.Split(fields["SignedHeaders"], ";")
	return auth, nil
}

// signingTime reads X-Amz-Date and checks it against the scope's date and the clock.
func (s *Server) signingTime(r *http.Request, auth authorization) (time.Time, error) {
	raw := r.Header.Get("X-Amz-Date")
	if raw == "" {
		return time.Time{}, clientFault(codeIncompleteSigning, "Authorization header "+
			"requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	signedAt, err := time.Parse(amzDateFormat, raw)
	if err != nil || !strings.HasPrefix(raw, auth.date) {
		return time.Time{}, clientFault(codeIncompleteSigning, "X-Amz-Date %q is not a "+
			"%s time of the credential's date.", raw, amzDateFormat)
	}

	now := s.now().UTC()
	switch {
	case signedAt.Before(now.Add(-maxClockSkew)):
		return time.Time{}, clientFault(codeBadSignature, "Signature expired: %s is now "+
			"earlier than %s (%s - 5 min.)", raw, now.Add(-maxClockSkew).Format(amzDateFormat),
			now.Format(amzDateFormat))
	case signedAt.After(now.Add(maxClockSkew)):
		return time.Time{}, clientFault(codeBadSignature, "Signature not yet current: %s is "+
			"still later than %s (%s + 5 min.)", raw, now.Add(maxClockSkew).Format(amzDateFormat),
			now.Format(amzDateFormat))
	}
	return signedAt, nil
}

// resign signs a copy of r, made of what the client says it signed, with the secret the
// endpoint knows, and returns the Authorization header that copy gets.
func resign(r *http.Request, body []byte, auth authorization, secret string,
	signedAt time.Time) (string, error) {
	cp := &http.Request{
		Method: r.Method,
		URL:    &url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: r.URL.RawQuery},
		Host:   r.Host,
		Header: http.Header{},
	}
	for _, name := range auth.signedHeaders {
		switch name {
		case "host", "x-amz-date":
			// The signer writes these itself, from Host and the signing time.
		case "content-length":
			cp.ContentLength = int64(len(body))
		default:
			values, present := r.Header[http.CanonicalHeaderKey(name)]
			if !present {
				return "", fmt.Errorf("signed header %s is missing", name)
			}
			cp.Header[http.CanonicalHeaderKey(name)] = values
		}
	}

	creds := aws.Credentials{AccessKeyID: auth.accessKeyID, SecretAccessKey: secret,
		SessionToken: r.Header.Get("X-Amz-Security-Token")}
	sum := sha256.Sum256(body)
	err := v4.NewSigner().SignHTTP(context.Background(), creds, cp, hex.EncodeToString(sum[:]),
		auth.service, auth.region, signedAt)
	return cp.Header.Get("Authorization"), err
}
