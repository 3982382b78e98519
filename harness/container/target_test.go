package container

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func env(values map[string]string) func(string) string {
	return func(name string) string { return values[name] }
}

func TestTargetFromEnvNamesNoTargetWithoutImage(t *testing.T) {
	_, ok, err := TargetFromEnv(env(map[string]string{EnvImagePort: "5000"}))
	if ok || err != nil {
		t.Errorf("TargetFromEnv without %s = %t, %v; want no target and no error", EnvImage,
			ok, err)
	}
}

func TestTargetFromEnvReadsEveryField(t *testing.T) {
	got, ok, err := TargetFromEnv(env(map[string]string{
		EnvImage:          " motoserver/moto:5 ",
		EnvImagePort:      "5000",
		EnvImageEnv:       "MOTO_PORT=5000, DEBUG=1,EMPTY=",
		EnvImageCmd:       "  -H 0.0.0.0 ",
		EnvStartupTimeout: "90s",
	}))
	if err != nil || !ok {
		t.Fatalf("TargetFromEnv = %t, %v", ok, err)
	}
	want := Target{Image: "motoserver/moto:5", Port: "5000/tcp",
		Env:            map[string]string{"MOTO_PORT": "5000", "DEBUG": "1", "EMPTY": ""},
		Cmd:            []string{"-H", "0.0.0.0"},
		StartupTimeout: 90 * time.Second}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestTargetFromEnvDefaults(t *testing.T) {
	got, _, err := TargetFromEnv(env(map[string]string{EnvImage: "emulator:1"}))
	if err != nil {
		t.Fatal(err)
	}
	if got.Port != DefaultPort || got.StartupTimeout != DefaultStartupTimeout ||
		got.Env != nil || got.Cmd != nil {
		t.Errorf("got %+v, want port %s, timeout %s, no env, no command", got, DefaultPort,
			DefaultStartupTimeout)
	}
}

func TestTargetFromEnvRejectsBadValuesNamingTheVariable(t *testing.T) {
	for _, c := range []struct{ name, value string }{
		{EnvImagePort, "http"},
		{EnvImagePort, "0"},
		{EnvImagePort, "53/udp"},
		{EnvImageEnv, "DEBUG"},
		{EnvImageEnv, "=1"},
		{EnvStartupTimeout, "soon"},
		{EnvStartupTimeout, "-5s"},
	} {
		_, _, err := TargetFromEnv(env(map[string]string{EnvImage: "emulator:1", c.name: c.value}))
		if err == nil || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s=%q: err = %v, want an error naming %s", c.name, c.value, err, c.name)
		}
	}
}

func TestParseOwner(t *testing.T) {
	for value, want := range map[string]bool{"vm/42": true, "ci/runner/7": true, "": false,
		"vm": false, "/42": false, "vm/x": false, "vm/-1": false} {
		if _, _, ok := parseOwner(value); ok != want {
			t.Errorf("parseOwner(%q) ok = %t, want %t", value, ok, want)
		}
	}
}
