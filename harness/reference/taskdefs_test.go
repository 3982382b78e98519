package reference

import (
	"testing"
)

func TestRegisterTaskDefinitionRevisions(t *testing.T) {
	e := newEndpoint(t)
	first := e.registerTaskDefinition("web", 1, 1, 0)
	second := e.registerTaskDefinition("web", 1, 1, 0)
	if want := e.server.arn("task-definition/web:1"); first != want {
		t.Errorf("first revision %s, want %s", first, want)
	}
	if want := e.server.arn("task-definition/web:2"); second != want {
		t.Errorf("second revision %s, want %s", second, want)
	}

	var got registerTaskDefinitionAnswer
	e.do("RegisterTaskDefinition", obj{"family": "host", "networkMode": "host", "cpu": "256",
		"memory": "300", "containerDefinitions": []obj{{"name": "a", "image": "b",
			"memoryReservation": 64, "portMappings": []obj{{"containerPort": 53,
				"protocol": "udp"}}}}}, &got)
	d := got.TaskDefinition
	if d.Status != statusActive || d.NetworkMode != "host" || d.CPU != "256" ||
		d.Memory != "300" || len(d.Compatibilities) != 1 || d.Volumes == nil {
		t.Errorf("task definition %+v is not as registered", d)
	}
	c := d.ContainerDefinitions[0]
	if c.Essential == nil || !*c.Essential || *c.PortMappings[0].HostPort != 53 {
		t.Errorf("container %+v: want essential and hostPort 53 in host mode", c)
	}

	e.server.mu.Lock()
	need := e.server.families["host"][0].need
	e.server.mu.Unlock()
	if need.cpu != 256 || need.memory != 300 || len(need.udpPorts) != 1 ||
		len(need.tcpPorts) != 0 {
		t.Errorf("need %+v, want the task-level cpu and memory and udp port 53", need)
	}
}

func TestDeregisterTaskDefinition(t *testing.T) {
	e := newEndpoint(t)
	arn := e.registerTaskDefinition("web", 1, 1, 0)
	e.registerTaskDefinition("web", 1, 1, 0)

	var got taskDefinitionAnswer
	e.do("DeregisterTaskDefinition", obj{"taskDefinition": arn}, &got)
	if got.TaskDefinition.Status != statusInactive || got.TaskDefinition.DeregisteredAt == nil {
		t.Errorf("deregistered %+v, want INACTIVE with deregisteredAt", got.TaskDefinition)
	}
	e.do("DeregisterTaskDefinition", obj{"taskDefinition": "web:1"}, &got)
	if got.TaskDefinition.Status != statusInactive {
		t.Errorf("deregistering again: %s, want INACTIVE", got.TaskDefinition.Status)
	}

	// The family alone now means revision 2, the latest ACTIVE one.
	e.createCluster("main")
	instance := e.registerInstance("main", "i-1").ContainerInstanceArn
	if task := e.startTask("main", instance, "web"); task.TaskDefinitionArn !=
		e.server.arn("task-definition/web:2") {
		t.Errorf("family alone resolved to %s, want web:2", task.TaskDefinitionArn)
	}

	for _, ref := range []string{"web", "web:9", "web:x", "nope:1",
		"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2"} {
		e.fails("DeregisterTaskDefinition", obj{"taskDefinition": ref}, badRequest, codeClient)
	}
}

func TestRegisterTaskDefinitionRefusals(t *testing.T) {
	container := func(extra obj) []obj {
		c := obj{"name": "a", "image": "b", "memory": 1}
		for k, v := range extra {
			c[k] = v
		}
		return []obj{c}
	}
	tests := []struct {
		name  string
		input obj
		code  string
	}{
		{"no family", obj{"containerDefinitions": container(nil)}, codeInvalidParameter},
		{"no containers", obj{"family": "f"}, codeInvalidParameter},
		{"bad family", obj{"family": "a b", "containerDefinitions": container(nil)}, codeClient},
		{"bad network mode", obj{"family": "f", "networkMode": "mesh",
			"containerDefinitions": container(nil)}, codeInvalidParameter},
		{"bad compatibility", obj{"family": "f", "requiresCompatibilities": []string{"MOON"},
			"containerDefinitions": container(nil)}, codeInvalidParameter},
		{"no container name", obj{"family": "f",
			"containerDefinitions": container(obj{"name": ""})}, codeClient},
		{"no image", obj{"family": "f", "containerDefinitions": container(obj{"image": nil})},
			codeClient},
		{"no memory anywhere", obj{"family": "f",
			"containerDefinitions": container(obj{"memory": nil})}, codeClient},
		{"negative cpu", obj{"family": "f", "containerDefinitions": container(obj{"cpu": -1})},
			codeClient},
		{"task cpu not a number", obj{"family": "f", "cpu": "1 vCPU",
			"containerDefinitions": container(nil)}, codeClient},
		{"task memory zero", obj{"family": "f", "memory": "0",
			"containerDefinitions": container(nil)}, codeClient},
		{"port without containerPort", obj{"family": "f", "containerDefinitions": container(
			obj{"portMappings": []obj{{"hostPort": 80}}})}, codeClient},
		{"host port out of range", obj{"family": "f", "containerDefinitions": container(
			obj{"portMappings": []obj{{"containerPort": 80, "hostPort": 70000}}})}, codeClient},
		{"bad protocol", obj{"family": "f", "containerDefinitions": container(
			obj{"portMappings": []obj{{"containerPort": 80, "protocol": "sctp"}}})},
			codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newEndpoint(t).fails("RegisterTaskDefinition", tt.input, badRequest, tt.code)
		})
	}
}
