package reference

import (
	"encoding/base64"
	"strconv"
)

// defaultPageSize is ECS's maxResults default and also its upper bound for the List calls.
const defaultPageSize = 100

// paginate picks the page of n items that nextToken and maxResults ask for, as the half-open
// range [start, end), and the token of the next page ("" on the last page).
//
// The token is an opaque base64 offset. Offsets stay meaningful between calls because
// instance and task lists only grow at their end; clusters are sorted by name, so one created
// between two calls can shift a page by one, which a test endpoint can live with.
func paginate(n int, maxResults *int32, nextToken string) (start, end int, next string,
	err error) {
	if err := checkRange("maxResults", maxResults, 1, defaultPageSize); err != nil {
		return 0, 0, "", err
	}
	size := defaultPageSize
	if maxResults != nil {
		size = int(*maxResults)
	}

	if nextToken != "" {
		start, err = decodeToken(nextToken)
		if err != nil {
			return 0, 0, "", err
		}
	}
	start = min(start, n)
	end = min(start+size, n)
	if end < n {
		next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
	}
	return start, end, next, nil
}

func decodeToken(token string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return 0, invalidParameter("Invalid nextToken.")
	}
	offset, err := strconv.Atoi(string(raw))
	if err != nil || offset < 0 {
		return 0, invalidParameter("Invalid nextToken.")
	}
	return offset, nil
}
