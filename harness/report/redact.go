package report

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Redacted replaces every secret Redact removes.
const Redacted = "[REDACTED]"

// secretHeaders are removed whatever their value: they carry signatures, session tokens or
// cookies. Names are canonical (http.CanonicalHeaderKey).
var secretHeaders = []string{"Authorization", "Proxy-Authorization", "X-Amz-Security-Token",
	"Cookie", "Set-Cookie"}

// secretQuery are the query parameters of presigned URLs that carry credentials.
var secretQuery = []string{"X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token"}

var (
	// A JSON member whose name says it holds a secret: "secretAccessKey": "...".
	secretMember = regexp.MustCompile(`(?i)("[a-z_]*(?:secret|password|sessiontoken|` +
		`session_token|securitytoken|security_token|credentials?)[a-z_]*"\s*:\s*)"[^"]*"`)

	// The same as text, as in an environment dump or a failure message:
	// AWS_SECRET_ACCESS_KEY=..., Authorization: AWS4-HMAC-SHA256 ...
	secretAssignment = regexp.MustCompile(`(?i)\b((?:aws_)?(?:secret_access_key|` +
		`session_token|security_token)|x-amz-security-token|authorization)(\s*[=:]\s*)` +
		`[^\s",}]+(?: [^\s",}]+)*`)

	// The parts of a SigV4 Authorization value, should one appear without its header name.
	signaturePart = regexp.MustCompile(`\b(Credential|Signature)=[^\s",&]+`)

	// Access key IDs: AKIA... (long-term) and ASIA... (temporary).
	accessKeyID = regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`)

	// A run of 40 base64 characters, the shape of a secret access key; checked further by
	// looksLikeSecret, since a 40-character path of lowercase letters is no secret.
	secretShape = regexp.MustCompile(`[A-Za-z0-9/+]{40,}`)
)

// Redact returns a copy of the exchanges with credentials removed: secret headers, signed
// query parameters, and secrets in bodies (members named like secrets, access key IDs and
// strings shaped like secret access keys).
func Redact(xs Exchanges) Exchanges {
	out := make(Exchanges, len(xs))
	for i, x := range xs {
		out[i] = Exchange{
			Request: WireRequest{Method: x.Request.Method, URL: RedactURL(x.Request.URL),
				Headers: RedactHeaders(x.Request.Headers), Body: RedactText(x.Request.Body)},
			Response: WireResponse{Status: x.Response.Status,
				Headers: RedactHeaders(x.Response.Headers), Body: RedactText(x.Response.Body)},
		}
	}
	return out
}

// RedactHeaders returns a copy of h with the values of secret headers replaced.
func RedactHeaders(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for name, values := range h {
		if slices.Contains(secretHeaders, http.CanonicalHeaderKey(name)) {
			out[name] = []string{Redacted}
			continue
		}
		redacted := make([]string, len(values))
		for i, v := range values {
			redacted[i] = RedactText(v)
		}
		out[name] = redacted
	}
	return out
}

// RedactURL returns u with the values of credential-bearing query parameters replaced.
func RedactURL(u string) string {
	parsed, err := url.Parse(u)
	if err != nil || parsed.RawQuery == "" {
		return RedactText(u)
	}
	query := parsed.Query()
	for name := range query {
		for _, secret := range secretQuery {
			if strings.EqualFold(name, secret) {
				query[name] = []string{Redacted}
			}
		}
	}
	// Encode escapes the brackets of the placeholder; they are put back for readability.
	parsed.RawQuery = strings.ReplaceAll(query.Encode(), url.QueryEscape(Redacted), Redacted)
	return RedactText(parsed.String())
}

// RedactText removes secrets from free text: a body, a failure message, a header value.
func RedactText(s string) string {
	s = secretMember.ReplaceAllString(s, `$1"`+Redacted+`"`)
	s = secretAssignment.ReplaceAllString(s, "$1$2"+Redacted)
	s = signaturePart.ReplaceAllString(s, "$1="+Redacted)
	s = accessKeyID.ReplaceAllString(s, Redacted)
	return secretShape.ReplaceAllStringFunc(s, func(run string) string {
		if len(run) == 40 && looksLikeSecret(run) {
			return Redacted
		}
		return run
	})
}

// looksLikeSecret tells a random base64 string from an identifier of the same length: a
// secret access key mixes upper case, lower case and digits.
func looksLikeSecret(s string) bool {
	var upper, lower, digit bool
	for _, r := range s {
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
		digit = digit || unicode.IsDigit(r)
	}
	return upper && lower && digit
}
