package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startCommand builds and starts the command with args and env added, and returns the URL
// it prints. The command is stopped with SIGTERM when the test ends.
func startCommand(t *testing.T, env []string, args ...string) string {
	t.Helper()
	binary := filepath.Join(t.TempDir(), "ecs-reference")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		t.Fatalf("building the command: %v\n%s", err, out)
	}

	cmd := exec.Command(binary, append([]string{"-quiet"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("the command did not stop cleanly on SIGTERM: %v", err)
		}
	})

	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the command's first line: %v", err)
	}
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "ecs-reference listening on ")
	if !ok {
		t.Fatalf("first line %q does not announce the URL", line)
	}
	return url
}

// TestListensOnLoopbackByDefault checks that, told nothing, the command is reachable on
// 127.0.0.1 and on none of the machine's other addresses.
func TestListensOnLoopbackByDefault(t *testing.T) {
	url := startCommand(t, nil)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("URL %s, want http://127.0.0.1:PORT", url)
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(url, "http://"))

	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, addr := range addrs {
		ip, _, _ := net.ParseCIDR(addr.String())
		if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
			continue
		}
		conn, err := net.DialTimeout("tcp", net.JoinHostPort(ip.String(), port), time.Second)
		if err == nil {
			_ = conn.Close()
			t.Errorf("the endpoint answers on %s, not only on loopback", ip)
		}
	}
}

// TestCredentialsSwitchOnVerification checks that credentials given in the environment make
// the command refuse an unsigned request as AWS does, and never print the secret.
func TestCredentialsSwitchOnVerification(t *testing.T) {
	url := startCommand(t, []string{envCredentials + "=AKIDTESTCOMMAND00000:test-secret"})

	r, err := http.NewRequest(http.MethodPost, url+"/", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
	r.Header.Set("Content-Type", "application/x-amz-json-1.1")
	answer, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(answer.Body)
	_ = answer.Body.Close()
	if answer.StatusCode != http.StatusBadRequest ||
		!strings.Contains(string(body), "MissingAuthenticationTokenException") {
		t.Errorf("an unsigned request got %d %s, want 400 MissingAuthenticationTokenException",
			answer.StatusCode, body)
	}
}
