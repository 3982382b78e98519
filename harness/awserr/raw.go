package awserr

import (
	"encoding/json"
	"fmt"
	"mime"

	"github.com/ecs-conformance/deregister/harness/awsclient"
)

// FromRaw reads what a raw answer says, and lists every way its shape departs from the
// awsJson 1.1 error form: a JSON object with "__type" and a lowercase "message", an
// x-amzn-RequestId header, the awsJson content type, and an X-Amzn-ErrorType header that,
// when present, agrees with "__type".
func FromRaw(resp *awsclient.Response) Observed {
	obs := Observed{Status: resp.Status, RequestID: resp.Header.Get("x-amzn-RequestId")}

	if obs.RequestID == "" {
		obs.Problems = append(obs.Problems, "no x-amzn-RequestId header")
	}
	if media, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err != nil ||
		media != awsclient.ContentType {
		obs.Problems = append(obs.Problems, fmt.Sprintf("content type %q, want %s",
			resp.Header.Get("Content-Type"), awsclient.ContentType))
	}

	var body map[string]json.RawMessage
	if err := json.Unmarshal(resp.Body, &body); err != nil {
		obs.Problems = append(obs.Problems, fmt.Sprintf("body is not a JSON object: %.80q",
			resp.Body))
		obs.Code = NormaliseCode(resp.Header.Get("X-Amzn-ErrorType"))
		return obs
	}

	if err := json.Unmarshal(body["__type"], &obs.Code); err != nil || obs.Code == "" {
		obs.Problems = append(obs.Problems, `no string "__type" in the body`)
	}
	obs.Code = NormaliseCode(obs.Code)

	if err := json.Unmarshal(body["message"], &obs.Message); err != nil {
		obs.Problems = append(obs.Problems, `no string "message" (lowercase) in the body`)
	}

	if header := resp.Header.Get("X-Amzn-ErrorType"); header != "" &&
		NormaliseCode(header) != obs.Code {
		obs.Problems = append(obs.Problems, fmt.Sprintf(
			"X-Amzn-ErrorType %q disagrees with __type %q", header, obs.Code))
	}
	return obs
}
