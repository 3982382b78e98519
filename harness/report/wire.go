package report

import (
	"fmt"
	"net/http"
	"strings"
)

// WireEntry is the name of the Ginkgo report entries that carry a spec's wire exchanges. The
// suite adds one on failure, its value an Exchanges already passed through Redact:
//
//	AddReportEntry(report.WireEntry, report.Redact(exchanges),
//		types.ReportEntryVisibilityNever)
const WireEntry = "wire"

// Exchange is one request of a spec and the answer it got, as sent and received.
type Exchange struct {
	// Request is what the suite sent.
	Request WireRequest `json:"request"`

	// Response is what came back; zero when no answer came.
	Response WireResponse `json:"response"`
}

// WireRequest is an HTTP request as sent.
type WireRequest struct {
	Method  string      `json:"method"`
	URL     string      `json:"url"`
	Headers http.Header `json:"headers,omitempty"`
	Body    string      `json:"body,omitempty"`
}

// WireResponse is an HTTP answer as received.
type WireResponse struct {
	Status  int         `json:"status"`
	Headers http.Header `json:"headers,omitempty"`
	Body    string      `json:"body,omitempty"`
}

// Exchanges is a spec's list of exchanges, in the order they happened.
type Exchanges []Exchange

// String renders the exchanges as text, redacted. Ginkgo stores a report entry's String as
// its Representation next to its JSON, so this keeps secrets out of that copy too.
func (xs Exchanges) String() string {
	var b strings.Builder
	for i, x := range Redact(xs) {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(x.String())
	}
	return b.String()
}

// String renders one exchange the way HTTP shows it: request line, headers, body, then the
// status line, headers and body of the answer. Headers come sorted, so output is stable.
func (x Exchange) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", x.Request.Method, x.Request.URL)
	writeHeaders(&b, x.Request.Headers)
	if x.Request.Body != "" {
		fmt.Fprintf(&b, "\n%s\n", x.Request.Body)
	}
	b.WriteString("\n")
	if x.Response.Status == 0 {
		b.WriteString("(no answer)\n")
		return b.String()
	}
	fmt.Fprintf(&b, "HTTP %d %s\n", x.Response.Status, http.StatusText(x.Response.Status))
	writeHeaders(&b, x.Response.Headers)
	if x.Response.Body != "" {
		fmt.Fprintf(&b, "\n%s\n", x.Response.Body)
	}
	return b.String()
}

func writeHeaders(b *strings.Builder, h http.Header) {
	for _, name := range sortedKeys(h) {
		for _, v := range h[name] {
			fmt.Fprintf(b, "%s: %s\n", name, v)
		}
	}
}
