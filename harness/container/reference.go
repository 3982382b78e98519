package container

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"

	"github.com/ecs-conformance/deregister/harness/version"
)

// ReferenceRepository is the repository of the reference image; its tag is the project's
// version (see BuildReferenceImage).
const ReferenceRepository = "ecs-conformance/reference"

// referenceCommand is the package of the reference endpoint's command, in this module.
const referenceCommand = "./harness/cmd/ecs-reference"

//go:embed Dockerfile.reference
var referenceDockerfile []byte

// BuildReferenceImage builds the reference endpoint's image from this repository's source and
// returns its reference, ReferenceRepository:VERSION, VERSION being `git describe --always
// --dirty` of the repository ("dev" without git). It needs the Go toolchain and the module's
// source: the binary is compiled on the host, statically, and copied into a `FROM scratch`
// image. The image is kept after the run, so an unchanged binary rebuilds from the cache.
//
// Images of other versions are left alone: removing them here could take the image of
// another run on the same engine between its build and its start. Each version whose binary
// differs keeps an image of about 10 MB; `make clean-images` removes them all.
func BuildReferenceImage(ctx context.Context) (string, error) {
	provider, err := dockerProvider()
	if err != nil {
		return "", err
	}
	defer provider.Close()

	moduleDir, err := goOutput(ctx, "", runtime.GOARCH, "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return "", fmt.Errorf("finding the module's source: %w", err)
	}
	version := projectVersion(ctx, moduleDir)

	contextDir, err := os.MkdirTemp("", "ecs-reference-image-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(contextDir)

	// -trimpath keeps the binary identical across checkouts, so Docker's cache hits.
	binary := filepath.Join(contextDir, "ecs-reference")
	goarch := engineArch(ctx, provider)
	if _, err := goOutput(ctx, moduleDir, goarch, "build", "-trimpath", "-ldflags=-s -w",
		"-o", binary, referenceCommand); err != nil {
		return "", fmt.Errorf("compiling the reference endpoint: %w", err)
	}
	dockerfile := filepath.Join(contextDir, "Dockerfile")
	if err := os.WriteFile(dockerfile, referenceDockerfile, 0o644); err != nil {
		return "", err
	}

	logger.Printf("building image %s:%s", ReferenceRepository, version)
	request := &testcontainers.ContainerRequest{FromDockerfile: testcontainers.FromDockerfile{
		Context:   contextDir,
		Repo:      ReferenceRepository,
		Tag:       version,
		KeepImage: true,
		BuildOptionsModifier: func(options *client.ImageBuildOptions) {
			options.Labels = map[string]string{
				LabelManaged:                       "true",
				"org.opencontainers.image.version": version,
			}
		},
	}}
	image, err := provider.BuildImage(ctx, request)
	if err != nil {
		return "", fmt.Errorf("building the reference image: %w", err)
	}
	return image, nil
}

// goOutput runs the go command in dir, for Linux on goarch, and returns its trimmed output.
// CGO is off so that the binary runs in an image with no C library.
func goOutput(ctx context.Context, dir, goarch string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+goarch)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err,
			strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// engineArch is the engine's architecture in Go's terms, which differs from this machine's
// when the engine runs in a VM of another kind (Docker Desktop on an ARM Mac, emulation).
func engineArch(ctx context.Context, provider *testcontainers.DockerProvider) string {
	info, err := provider.Client().Info(ctx, client.InfoOptions{})
	if err != nil {
		return runtime.GOARCH
	}
	switch info.Info.Architecture {
	case "x86_64", "amd64":
		return "amd64"
	case "aarch64", "arm64":
		return "arm64"
	}
	return runtime.GOARCH
}

// notTagCharacters are the characters a Docker tag cannot hold.
var notTagCharacters = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// projectVersion is the repository's `git describe --always --dirty`, made a valid tag.
func projectVersion(ctx context.Context, dir string) string {
	tag := notTagCharacters.ReplaceAllString(version.Suite(ctx, dir), "_")
	tag = strings.TrimLeft(tag, ".-")
	if tag == "" {
		return "dev"
	}
	return tag[:min(len(tag), 128)]
}
