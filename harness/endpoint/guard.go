package endpoint

import (
	"fmt"
	"net/url"
	"strings"
)

// realAWSDomains are the DNS suffixes of AWS's own endpoints.
var realAWSDomains = []string{"amazonaws.com", "amazonaws.com.cn", "api.aws", "c2s.ic.gov",
	"sc2s.sgov.gov"}

// credentialVariables are the environment variables through which real AWS credentials reach
// an SDK.
var credentialVariables = []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
	"AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}

// Guard refuses to let a run reach real AWS: an endpoint on one of AWS's domains, or no
// endpoint at all (an SDK would then resolve AWS's own) while real credentials are in the
// environment. allow is the explicit opt-in that lifts both refusals.
func Guard(endpointURL string, allow bool, getenv func(string) string) error {
	if allow {
		return nil
	}

	if endpointURL == "" {
		for _, name := range credentialVariables {
			if getenv(name) != "" {
				return fmt.Errorf("no endpoint is chosen and %s is set: refusing to risk "+
					"real AWS; set %s=yes to allow it", name, EnvAllowRealAWS)
			}
		}
		return nil
	}

	u, err := url.Parse(endpointURL)
	if err != nil {
		return fmt.Errorf("endpoint %q: %w", endpointURL, err)
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, domain := range realAWSDomains {
		if host == domain || strings.HasSuffix(host, "."+domain) {
			return fmt.Errorf("endpoint %s is real AWS (%s): refusing to run; set %s=yes "+
				"to allow it", endpointURL, domain, EnvAllowRealAWS)
		}
	}
	return nil
}
