package endpoint

import (
	"strings"
	"testing"
	"time"
)

func env(values map[string]string) func(string) string {
	return func(name string) string { return values[name] }
}

func TestLoadChoosesTheEndpoint(t *testing.T) {
	cases := []struct {
		name       string
		env        map[string]string
		wantURL    string
		wantSource string
	}{
		{"nothing set: embedded reference", nil, "", Embedded},
		{"the SDK's service variable", map[string]string{EnvSDKEndpoint: "http://127.0.0.1:4566/"},
			"http://127.0.0.1:4566", EnvSDKEndpoint},
		{"the SDK's global variable", map[string]string{EnvSDKGlobalEndpoint: "http://localhost:5000"},
			"http://localhost:5000", EnvSDKGlobalEndpoint},
		{"the project's variable wins", map[string]string{
			EnvEndpoint: "http://127.0.0.1:1", EnvSDKEndpoint: "http://127.0.0.1:2"},
			"http://127.0.0.1:1", EnvEndpoint},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Load(env(c.env))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got.URL != c.wantURL || got.Source != c.wantSource {
				t.Errorf("got URL %q from %q, want %q from %q", got.URL, got.Source, c.wantURL,
					c.wantSource)
			}
		})
	}
}

func TestLoadDefaults(t *testing.T) {
	got, err := Load(env(nil))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got.Region != "us-east-1" || got.Timeout != 10*time.Second ||
		got.Registration != "synthetic" || got.AllowRealAWS {
		t.Errorf("got %+v, want region us-east-1, timeout 10s, synthetic, no real AWS", got)
	}
}

func TestLoadRejectsBadValuesNamingTheVariable(t *testing.T) {
	cases := []struct {
		env      map[string]string
		wantText string
	}{
		{map[string]string{EnvEndpoint: "127.0.0.1:4566"}, EnvEndpoint},
		{map[string]string{EnvSDKEndpoint: "ftp://127.0.0.1"}, EnvSDKEndpoint},
		{map[string]string{EnvEndpoint: "http://127.0.0.1:1/ecs"}, "served at /"},
		{map[string]string{EnvTimeout: "soon"}, EnvTimeout},
		{map[string]string{EnvTimeout: "-1s"}, EnvTimeout},
		{map[string]string{EnvAllowRealAWS: "perhaps"}, EnvAllowRealAWS},
		{map[string]string{EnvRequireEC2: "perhaps"}, EnvRequireEC2},
		{map[string]string{EnvRequireEC2: "yes", EnvEndpoint: "http://127.0.0.1:1"},
			EnvRequireEC2},
	}
	for _, c := range cases {
		_, err := Load(env(c.env))
		if err == nil || !strings.Contains(err.Error(), c.wantText) {
			t.Errorf("Load(%v) = %v, want an error naming %s", c.env, err, c.wantText)
		}
	}
}

func TestTheReferenceRequiresEC2InstancesWhenAskedOrWithEC2First(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{nil, false},
		{map[string]string{EnvRequireEC2: "yes"}, true},
		{map[string]string{EnvRegistration: "ec2-first"}, true},
		// Another endpoint is not the reference: ec2-first asks nothing of it.
		{map[string]string{EnvRegistration: "ec2-first", EnvEndpoint: "http://127.0.0.1:1"},
			false},
	}
	for _, c := range cases {
		got, err := Load(env(c.env))
		if err != nil || got.RequireEC2Instance != c.want {
			t.Errorf("Load(%v): RequireEC2Instance %t (%v), want %t", c.env,
				got.RequireEC2Instance, err, c.want)
		}
	}
}

func TestLoadSigningCredentials(t *testing.T) {
	got, err := Load(env(map[string]string{EnvCredentials: "AKIDEXAMPLEKEY000000:s3cr3t/value",
		EnvReferenceSigV4: "yes"}))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got.Credentials.AccessKeyID != "AKIDEXAMPLEKEY000000" ||
		got.Credentials.SecretAccessKey != "s3cr3t/value" || !got.VerifySignatures {
		t.Errorf("got key %q, verify %v; want the pair given and verification on",
			got.Credentials.AccessKeyID, got.VerifySignatures)
	}

	for _, bad := range []map[string]string{
		{EnvCredentials: "only-a-secret-no-colon"},
		{EnvCredentials: ":secret"},
		{EnvReferenceSigV4: "yes", EnvEndpoint: "http://127.0.0.1:1"},
		{EnvReferenceSigV4: "yes", EnvReference: InContainer},
	} {
		_, err := Load(env(bad))
		if err == nil {
			t.Errorf("Load(%v) succeeded", bad)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Load's error repeats the value: %v", err)
		}
	}
}
