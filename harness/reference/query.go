package reference

import (
	"bytes"
	"encoding/xml"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The two query protocols this endpoint serves next to ECS's awsJson1_1: Elastic Load
// Balancing v2 speaks awsQuery and EC2 speaks ec2Query. Both send a form-encoded POST whose
// Action and Version members name the operation; the Version tells the two services apart.
const (
	formContentType = "application/x-www-form-urlencoded"

	elbv2Version   = "2015-12-01"
	elbv2Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"
	ec2Version     = "2016-11-15"
	ec2Namespace   = "http://ec2.amazonaws.com/doc/2016-11-15/"
	xmlContentType = "text/xml"
)

// queryHandler runs one query operation on the parsed form and returns the answer, a value
// encoding/xml can marshal. It runs with the state locked.
type queryHandler func(s *Server, form url.Values) (any, error)

// isQueryRequest tells a query request from an awsJson one: no X-Amz-Target, a form body.
func isQueryRequest(r *http.Request) bool {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return r.Header.Get("X-Amz-Target") == "" && mediaType == formContentType
}

// serveQuery answers one awsQuery or ec2Query request and logs it.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request, requestID string) (
	string, int, error) {
	form, err := s.readForm(w, r)
	action, version := form.Get("Action"), form.Get("Version")
	if err != nil {
		return action, writeQueryError(w, version, requestID, err), err
	}

	var run queryHandler
	switch version {
	case elbv2Version:
		run = elbv2Operations()[action]
	case ec2Version:
		run = ec2Operations()[action]
	default:
		err = clientFault("InvalidAction", "Unknown Version %q: this endpoint serves ECS "+
			"(awsJson1_1), Elastic Load Balancing %s and EC2 %s.", version, elbv2Version,
			ec2Version)
		return action, writeQueryError(w, version, requestID, err), err
	}
	if run == nil {
		err = clientFault("InvalidAction", "The action %s is not valid for this endpoint.",
			action)
		return action, writeQueryError(w, version, requestID, err), err
	}

	answer, err := s.invokeQuery(action, run, form)
	if err != nil {
		return action, writeQueryError(w, version, requestID, err), err
	}
	if version == ec2Version {
		return action, writeEC2Answer(w, action, requestID, answer), nil
	}
	return action, writeELBv2Answer(w, action, requestID, answer), nil
}

// readForm reads the body, bounded like every request, and parses it as a form.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return url.Values{}, methodNotAllowed(r.Method)
	}
	body, err := readBody(w, r, s.opts.MaxBodyBytes)
	if err != nil {
		return url.Values{}, err
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return url.Values{}, clientFault("MalformedQueryString", "The body is not a form: %v",
			err)
	}
	return form, nil
}

// invokeQuery runs a query operation with the state locked; a panic becomes a 500.
func (s *Server) invokeQuery(action string, run queryHandler, form url.Values) (
	answer any, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("operation panicked", "op", action, "panic", p)
			answer, err = nil, serverError()
		}
	}()

	s.mu.Lock()
	defer s.mu.Unlock()
	return run(s, form)
}

// writeELBv2Answer wraps the answer in <ActionResponse><ActionResult>, as awsQuery does.
func writeELBv2Answer(w http.ResponseWriter, action, requestID string, answer any) int {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	root := xml.StartElement{Name: xml.Name{Local: action + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: elbv2Namespace}}}
	meta := struct {
		RequestID string `xml:"RequestId"`
	}{requestID}

	// Encoding plain structs of strings and numbers into a buffer cannot fail.
	_ = enc.EncodeToken(root)
	_ = enc.EncodeElement(answer, xml.StartElement{Name: xml.Name{Local: action + "Result"}})
	_ = enc.EncodeElement(meta, xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}})
	_ = enc.EncodeToken(root.End())
	_ = enc.Flush()
	return writeXML(w, http.StatusOK, requestID, buf.Bytes())
}

// ec2Meta carries the requestId every ec2Query answer starts with; answers embed it.
type ec2Meta struct {
	RequestID string `xml:"requestId"`
}

func (m *ec2Meta) setRequestID(id string) { m.RequestID = id }

// writeEC2Answer sends the answer as <ActionResponse>, with its requestId filled in.
func writeEC2Answer(w http.ResponseWriter, action, requestID string, answer any) int {
	if withID, ok := answer.(interface{ setRequestID(string) }); ok {
		withID.setRequestID(requestID)
	}
	var buf bytes.Buffer
	root := xml.StartElement{Name: xml.Name{Local: action + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: ec2Namespace}}}
	_ = xml.NewEncoder(&buf).EncodeElement(answer, root)
	return writeXML(w, http.StatusOK, requestID, buf.Bytes())
}

// writeQueryError sends an error in the shape of the protocol the Version names; without a
// known Version, in awsQuery's shape.
func writeQueryError(w http.ResponseWriter, version, requestID string, err error) int {
	apiErr := &apiError{}
	if !errors.As(err, &apiErr) {
		apiErr = serverError().(*apiError)
	}

	var body any
	if version == ec2Version {
		body = struct {
			XMLName   xml.Name `xml:"Response"`
			Code      string   `xml:"Errors>Error>Code"`
			Message   string   `xml:"Errors>Error>Message"`
			RequestID string   `xml:"RequestID"`
		}{Code: apiErr.code, Message: apiErr.message, RequestID: requestID}
	} else {
		kind := "Sender"
		if apiErr.status >= http.StatusInternalServerError {
			kind = "Receiver"
		}
		body = struct {
			XMLName   xml.Name `xml:"ErrorResponse"`
			Xmlns     string   `xml:"xmlns,attr"`
			Type      string   `xml:"Error>Type"`
			Code      string   `xml:"Error>Code"`
			Message   string   `xml:"Error>Message"`
			RequestID string   `xml:"RequestId"`
		}{Xmlns: elbv2Namespace, Type: kind, Code: apiErr.code, Message: apiErr.message,
			RequestID: requestID}
	}
	encoded, _ := xml.Marshal(body)
	return writeXML(w, apiErr.status, requestID, encoded)
}

func writeXML(w http.ResponseWriter, status int, requestID string, body []byte) int {
	payload := append([]byte(xml.Header), body...)
	w.Header().Set("Content-Type", xmlContentType)
	w.Header().Set("x-amzn-RequestId", requestID)
	w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	_, _ = w.Write(payload)
	return status
}

// queryList collects a list of structures from a form: for prefix "Targets.member", the keys
// "Targets.member.1.Id" and "Targets.member.2.Port" give [{Id: ..}, {Port: ..}], ordered by
// their index.
func queryList(form url.Values, prefix string) []url.Values {
	byIndex := map[int]url.Values{}
	for key, values := range form {
		rest, ok := strings.CutPrefix(key, prefix+".")
		if !ok {
			continue
		}
		index, member, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(index)
		if err != nil || n < 1 {
			continue
		}
		if byIndex[n] == nil {
			byIndex[n] = url.Values{}
		}
		byIndex[n][member] = values
	}

	indexes := make([]int, 0, len(byIndex))
	for n := range byIndex {
		indexes = append(indexes, n)
	}
	slices.Sort(indexes)
	items := make([]url.Values, 0, len(indexes))
	for _, n := range indexes {
		items = append(items, byIndex[n])
	}
	return items
}

// queryStrings collects a list of strings: for prefix "InstanceId", the keys "InstanceId.1",
// "InstanceId.2", ... in index order.
func queryStrings(form url.Values, prefix string) []string {
	var values []string
	for _, item := range queryList(form, prefix) {
		values = append(values, item.Get(""))
	}
	return values
}

// queryInt reads an optional integer member; absent gives def.
func queryInt(form url.Values, member string, def int) (int, error) {
	text := form.Get(member)
	if text == "" {
		return def, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, clientFault("ValidationError", "%s must be an integer, got %q.", member, text)
	}
	return n, nil
}
