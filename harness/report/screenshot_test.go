package report

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Screenshot size: wide enough for the two-column header, tall enough for several sections.
const shotWidth, shotHeight = 1280, 2000

// TestHTMLRendersInChromium opens the HTML report of a failing run in headless Chromium and
// checks the screenshot is a real page: the right size, and far more colours than a blank
// or unstyled page has. Set REPORT_SCREENSHOT to a path to keep the PNG for a look.
func TestHTMLRendersInChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			browser = path
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium on PATH (apt-get install -y chromium) to render the report with")
	}

	v := judgeFolder(t, "new-failure", "f5a")
	v.Run.Dir = t.TempDir()
	htmlPath, err := Render(v)
	if err != nil {
		t.Fatal(err)
	}
	shot := os.Getenv("REPORT_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "report.png")
	}
	shot, _ = filepath.Abs(shot)
	absHTML, _ := filepath.Abs(htmlPath)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--hide-scrollbars", "--screenshot="+shot,
		"--window-size="+strconv.Itoa(shotWidth)+","+strconv.Itoa(shotHeight), "file://"+absHTML)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is no PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != shotWidth || b.Dy() != shotHeight {
		t.Errorf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), shotWidth, shotHeight)
	}
	if n := colours(img); n < 200 {
		t.Errorf("the screenshot has %d distinct colours: the page looks blank", n)
	}
}

// colours counts the distinct colours of an image; text, badges and code blocks with
// anti-aliasing give hundreds, a blank page one.
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	return len(seen)
}
