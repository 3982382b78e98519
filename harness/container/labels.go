package container

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// runID identifies this process's run in LabelRun.
var runID = newRunID()

// RunID returns the value of LabelRun on the containers this process starts, for example to
// list them with `docker ps -a --filter label=org.ecs-conformance.run=ID`.
func RunID() string { return runID }

func newRunID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on the platforms Go supports
	return hex.EncodeToString(b)
}

// hostname names this machine in LabelOwner; in a CI job that runs in a container it is the
// container's, which tells jobs sharing one engine apart.
func hostname() string {
	name, err := os.Hostname()
	if err != nil || name == "" {
		return "unknown"
	}
	return name
}

// ownLabels are the labels of a container this process creates.
func ownLabels() map[string]string {
	return map[string]string{
		LabelManaged: "true",
		LabelRun:     runID,
		LabelOwner:   fmt.Sprintf("%s/%d", hostname(), os.Getpid()),
	}
}

// parseOwner splits a LabelOwner value; ok is false when the value is not HOST/PID.
func parseOwner(value string) (host string, pid int, ok bool) {
	i := strings.LastIndexByte(value, '/')
	if i <= 0 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(value[i+1:])
	if err != nil || pid <= 0 {
		return "", 0, false
	}
	return value[:i], pid, true
}
