package reference

import (
	"slices"
	"strings"
	"testing"
)

func TestRegisterContainerInstance(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	got := e.registerInstance("main", "i-1")

	prefix := "arn:aws:ecs:us-east-1:123456789012:container-instance/main/"
	id := strings.TrimPrefix(got.ContainerInstanceArn, prefix)
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("containerInstanceArn %s, want %s<32 hex>", got.ContainerInstanceArn, prefix)
	}
	if got.Status != statusActive || got.Version != 1 || !got.AgentConnected ||
		got.Ec2InstanceID != "i-1" {
		t.Errorf("new instance %+v, want ACTIVE, version 1, connected, i-1", got)
	}
	if got.RegisteredAt != epochSeconds(e.clock.Now()) {
		t.Errorf("registeredAt %v, want the clock's now", got.RegisteredAt)
	}
	if !equalResources(got.RegisteredResources, defaultResources()) {
		t.Errorf("registeredResources %+v, want the defaults", got.RegisteredResources)
	}
	wantAttributes := []attribute{{"ecs.os-type", "linux"},
		{"ecs.availability-zone", "us-east-1a"}, {"ecs.instance-type", "t3.medium"},
		{"ecs.ami-id", "ami-0123456789abcdef0"}}
	if !slices.Equal(got.Attributes, wantAttributes) {
		t.Errorf("attributes %v, want %v", got.Attributes, wantAttributes)
	}
}

func TestRegisterSameEC2InstanceReturnsTheLiveOne(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	first := e.registerInstance("main", "i-1")

	if again := e.registerInstance("main", "i-1"); again.ContainerInstanceArn !=
		first.ContainerInstanceArn || again.Version != 1 {
		t.Errorf("agent restart registered %s v%d, want %s v1", again.ContainerInstanceArn,
			again.Version, first.ContainerInstanceArn)
	}

	// Once deregistered, the same EC2 instance registers as a new container instance.
	e.deregister("main", first.ContainerInstanceArn, false)
	if next := e.registerInstance("main", "i-1"); next.ContainerInstanceArn ==
		first.ContainerInstanceArn {
		t.Error("re-registering after deregistration reused the INACTIVE instance")
	}
}

func TestRegisterWithGivenResourcesAndAttributes(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	var got containerInstanceAnswer
	e.do("RegisterContainerInstance", obj{
		"cluster":                  "main",
		"instanceIdentityDocument": `{"instanceId":"i-9"}`,
		"totalResources": []obj{{"name": "CPU", "type": "INTEGER", "integerValue": 512},
			{"name": "PORTS", "type": "STRINGSET"}},
		"attributes":  []obj{{"name": "ecs.os-type", "value": "windows"}, {"name": "gpu"}},
		"versionInfo": obj{"agentVersion": "1.90.0"},
	}, &got)

	want := []resource{{Name: "CPU", Type: "INTEGER", IntegerValue: 512},
		{Name: "PORTS", Type: "STRINGSET", StringSetValue: []string{}}}
	if !equalResources(got.ContainerInstance.RegisteredResources, want) {
		t.Errorf("registeredResources %+v, want %+v", got.ContainerInstance.RegisteredResources,
			want)
	}
	wantAttributes := []attribute{{"ecs.os-type", "windows"}, {Name: "gpu"}}
	if !slices.Equal(got.ContainerInstance.Attributes, wantAttributes) {
		t.Errorf("attributes %v, want %v", got.ContainerInstance.Attributes, wantAttributes)
	}
	if got.ContainerInstance.VersionInfo.AgentVersion != "1.90.0" {
		t.Errorf("versionInfo %+v, want agentVersion 1.90.0", got.ContainerInstance.VersionInfo)
	}
}

func equalResources(a, b []resource) bool {
	return slices.EqualFunc(a, b, func(x, y resource) bool {
		return x.Name == y.Name && x.Type == y.Type && x.IntegerValue == y.IntegerValue &&
			slices.Equal(x.StringSetValue, y.StringSetValue) &&
			(x.StringSetValue == nil) == (y.StringSetValue == nil)
	})
}

func TestRegisterRefusals(t *testing.T) {
	tests := []struct {
		name  string
		input obj
		code  string
	}{
		{"no document", obj{}, codeClient},
		{"document not JSON", obj{"instanceIdentityDocument": "{"}, codeClient},
		{"document without instanceId", obj{"instanceIdentityDocument": `{"region":"x"}`},
			codeClient},
		{"resource without type", obj{"instanceIdentityDocument": `{"instanceId":"i"}`,
			"totalResources": []obj{{"name": "CPU"}}}, codeInvalidParameter},
		{"resource of unknown type", obj{"instanceIdentityDocument": `{"instanceId":"i"}`,
			"totalResources": []obj{{"name": "CPU", "type": "FLOAT"}}}, codeInvalidParameter},
		{"attribute without name", obj{"instanceIdentityDocument": `{"instanceId":"i"}`,
			"attributes": []obj{{"value": "x"}}}, codeInvalidParameter},
		{"unknown instance to re-register", obj{
			"instanceIdentityDocument": `{"instanceId":"i"}`, "containerInstanceArn": "abc"},
			codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t)
			e.createCluster("main")
			tt.input["cluster"] = "main"
			e.fails("RegisterContainerInstance", tt.input, badRequest, tt.code)
		})
	}
}

func TestReregister(t *testing.T) {
	e := newEndpoint(t)
	e.createCluster("main")
	first := e.registerInstance("main", "i-1")

	var got containerInstanceAnswer
	e.do("RegisterContainerInstance", obj{"cluster": "main",
		"instanceIdentityDocument": identityDocumentFor("i-1"),
		"containerInstanceArn":     first.ContainerInstanceArn,
		"totalResources":           []obj{{"name": "CPU", "type": "INTEGER", "integerValue": 99}},
	}, &got)
	updated := got.ContainerInstance
	if updated.ContainerInstanceArn != first.ContainerInstanceArn || updated.Version != 2 ||
		integerResource(t, updated.RegisteredResources, "CPU") != 99 {
		t.Errorf("re-registered %+v, want the same ARN, version 2 and CPU 99", updated)
	}

	e.deregister("main", first.ContainerInstanceArn, false)
	message := e.fails("RegisterContainerInstance", obj{"cluster": "main",
		"instanceIdentityDocument": identityDocumentFor("i-1"),
		"containerInstanceArn":     first.ContainerInstanceArn}, badRequest, codeClient)
	if !strings.Contains(message, "is inactive") {
		t.Errorf("message %q, want it to say the instance is inactive", message)
	}
}
