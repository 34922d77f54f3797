// Package e2e drives the real application in Debian's Chromium (headless, via chromedp)
// for the journeys a counsellor, an admin and a client take.
package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Viewports at which failure screenshots are taken.
var viewports = []struct {
	Name          string
	Width, Height int64
}{{"phone", 390, 844}, {"desktop", 1366, 900}}

// chromiumPath finds Debian's Chromium. Without it the browser tests skip locally, but
// fail in CI (CI=true), where .ci/run installs it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed; .ci/run installs Debian's chromium package")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); browser journeys skipped")
	return ""
}

// Browser is one isolated browser profile (its own cookies), like one person's device.
type Browser struct {
	t     *testing.T
	ctx   context.Context
	pages *pageCheck // axe and the Nu HTML Checker on every page landed on (a11y.go)
}

// NewBrowser starts a headless Chromium with an empty profile, closed when the test ends.
// When the test fails it saves screenshots of the current page at phone and desktop width.
func NewBrowser(t *testing.T) *Browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	// A guard against a hung browser, not a measure of speed: a journey on a loaded two-CPU
	// machine, run beside the others, can take a few minutes.
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	b := &Browser{t: t, ctx: ctx}
	t.Cleanup(func() {
		if t.Failed() || os.Getenv("E2E_SCREENSHOTS") != "" {
			b.screenshots("final")
		}
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // start the browser now, so failures point here
		t.Fatalf("start Chromium: %v", err)
	}
	b.pages = newPageCheck(t)
	return b
}

// Do runs actions, failing the test on error, then checks the page it is on if that is new.
func (b *Browser) Do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	b.pages.check(b.t, b.ctx)
}

// Text returns the visible text of the first element matching the CSS selector.
func (b *Browser) Text(css string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// Location returns the current URL.
func (b *Browser) Location() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// HTML returns the current document's markup.
func (b *Browser) HTML() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("document.documentElement.outerHTML"))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// Screenshots saves the current page at each viewport when E2E_SCREENSHOTS names a directory.
func (b *Browser) Screenshots(step string) {
	if os.Getenv("E2E_SCREENSHOTS") != "" {
		b.screenshots(step)
	}
}

func (b *Browser) screenshots(step string) {
	dir := os.Getenv("E2E_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "securebase-e2e")
	}
	name := regexp.MustCompile(`[^A-Za-z0-9_-]+`).ReplaceAllString(b.t.Name()+"-"+step, "_")
	ctx, cancel := context.WithTimeout(context.WithoutCancel(b.ctx), 20*time.Second)
	defer cancel()
	for _, vp := range viewports {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height)); err != nil {
			b.t.Logf("screenshot %s at %s: %v", step, vp.Name, err)
			continue
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			b.t.Logf("screenshot %s at %s: %v", step, vp.Name, err)
			continue
		}
		_ = os.MkdirAll(dir, 0o750)
		path := filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, vp.Name))
		if err := os.WriteFile(path, png, 0o600); err == nil {
			b.t.Logf("screenshot: %s", path)
		}
	}
	_ = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
}

// Value returns the value of the input matching the CSS selector.
func (b *Browser) Value(css string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(css)))
	if err != nil {
		b.t.Fatalf("value of %s: %v", css, err)
	}
	return s
}

// Submit clicks the element matching css, waits until the next page has loaded and checks it.
func (b *Browser) Submit(css string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(css)))); err != nil {
		b.t.Fatalf("submit %s: %v", css, err)
	}
	b.pages.check(b.t, b.ctx)
}

// Title returns the document title.
func (b *Browser) Title() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Title())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// EvalInt evaluates a JavaScript expression that yields a whole number.
func (b *Browser) EvalInt(expr string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		b.t.Fatalf("eval %s: %v", expr, err)
	}
	return n
}

// EvalString evaluates a JavaScript expression that yields a string.
func (b *Browser) EvalString(expr string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("eval %s: %v", expr, err)
	}
	return s
}
