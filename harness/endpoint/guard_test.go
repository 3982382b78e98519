package endpoint

import (
	"strings"
	"testing"
)

func TestGuardRefusesRealAWS(t *testing.T) {
	for _, url := range []string{
		"https://ecs.us-east-1.amazonaws.com",
		"https://ECS.eu-west-1.AmazonAWS.com.",
		"https://ecs-fips.us-gov-west-1.amazonaws.com:443",
		"https://ecs.cn-north-1.amazonaws.com.cn",
		"https://ecs.us-east-1.api.aws",
	} {
		err := Guard(url, false, env(nil))
		if err == nil || !strings.Contains(err.Error(), EnvAllowRealAWS) {
			t.Errorf("Guard(%s) = %v, want a refusal naming %s", url, err, EnvAllowRealAWS)
		}
		if err := Guard(url, true, env(nil)); err != nil {
			t.Errorf("Guard(%s) with the opt-in = %v, want nil", url, err)
		}
	}
}

func TestGuardAllowsLocalEndpoints(t *testing.T) {
	for _, url := range []string{
		"http://127.0.0.1:4566", "http://localhost:5000", "http://[::1]:8080",
		"http://amazonaws.com.example.test:80", "http://notamazonaws.com:4566",
	} {
		if err := Guard(url, false, env(nil)); err != nil {
			t.Errorf("Guard(%s) = %v, want nil", url, err)
		}
	}
}

func TestGuardRefusesNoEndpointWithRealCredentials(t *testing.T) {
	withKeys := env(map[string]string{"AWS_ACCESS_KEY_ID": "AKIAREALLOOKING00000"})
	if err := Guard("", false, withKeys); err == nil ||
		!strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") {
		t.Errorf("Guard with no endpoint and credentials = %v, want a refusal", err)
	}
	if err := Guard("", true, withKeys); err != nil {
		t.Errorf("Guard with the opt-in = %v, want nil", err)
	}
	if err := Guard("", false, env(nil)); err != nil {
		t.Errorf("Guard with no endpoint and no credentials = %v, want nil", err)
	}
}

func TestLoadAppliesTheGuard(t *testing.T) {
	_, err := Load(env(map[string]string{EnvSDKEndpoint: "https://ecs.us-west-2.amazonaws.com"}))
	if err == nil {
		t.Fatal("Load accepted a real AWS endpoint")
	}
}
