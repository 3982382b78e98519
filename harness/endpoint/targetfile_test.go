package endpoint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func targetFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "target.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTargetFileChoosesTheEndpoint(t *testing.T) {
	url := targetFile(t, "name: emu\nendpoint:\n  url: http://127.0.0.1:4566\n"+
		"registration: ec2-first\ncapabilities: [task-state]\n")
	s, err := Load(env(map[string]string{EnvTarget: url}))
	if err != nil {
		t.Fatal(err)
	}
	if s.URL != "http://127.0.0.1:4566" || s.Source != "target emu" ||
		s.Registration != "ec2-first" || s.Target == nil || s.Target.Name != "emu" {
		t.Errorf("got %+v", s)
	}
	if !s.Claims("task-state") || s.Claims("default-cluster") {
		t.Errorf("claims: %v", s.Capabilities)
	}

	image := targetFile(t, "name: img\nendpoint:\n  image:\n    ref: example/ecs:1\n"+
		"    port: 5000/tcp\n")
	s, err = Load(env(map[string]string{EnvTarget: image}))
	if err != nil || s.Image == nil || s.Image.Image != "example/ecs:1" ||
		s.Image.Port != "5000/tcp" || s.Claims("task-state") {
		t.Errorf("image target: %+v, %v", s, err)
	}

	container := targetFile(t, "name: ref\nendpoint:\n  reference: container\n")
	s, err = Load(env(map[string]string{EnvTarget: container}))
	if err != nil || s.Reference != InContainer || s.URL != "" || s.Image != nil {
		t.Errorf("reference target: %+v, %v", s, err)
	}
}

func TestWithoutATargetFileEveryCapabilityIsClaimed(t *testing.T) {
	s, err := Load(env(nil))
	if err != nil || !s.Claims("default-cluster") || !s.Claims("services") {
		t.Errorf("got %+v, %v", s, err)
	}
}

func TestTargetFileErrors(t *testing.T) {
	url := targetFile(t, "name: emu\nendpoint:\n  url: https://ecs.us-east-1.amazonaws.com\n")
	bad := targetFile(t, "name: emu\nendpoint:\n  url: http://127.0.0.1:1\ncolour: red\n")
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{EnvTarget: url}, "real AWS"},
		{map[string]string{EnvTarget: bad}, "colour: unknown key"},
		{map[string]string{EnvTarget: url, EnvEndpoint: "http://127.0.0.1:2"}, "choose one"},
		{map[string]string{EnvTarget: "/nonexistent.yaml"}, EnvTarget},
	}
	for _, c := range cases {
		if _, err := Load(env(c.env)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%v) = %v, want an error saying %q", c.env, err, c.want)
		}
	}
}
