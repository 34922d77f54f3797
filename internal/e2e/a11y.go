package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Every page a journey lands on is checked twice: axe-core runs in the page and may find
// no serious or critical violation, and the document (as the browser holds it, after any
// script ran) is saved and validated at the end of the test by the Nu HTML Checker, which
// may report no error. Both come from tools/a11y (npm ci --prefix tools/a11y, which make
// test runs); without them, or without Java, the checks are skipped locally but fail in CI.

// a11yTools are the paths of axe-core's script and the Nu HTML Checker's jar.
type a11yTools struct {
	axe  string // the source of axe.min.js
	vnu  string // path of vnu.jar
	java string // path of java
}

var (
	toolsOnce sync.Once
	tools     a11yTools
	toolsErr  error
)

// loadA11yTools finds tools/a11y/node_modules from the module root and java on PATH.
func loadA11yTools() (a11yTools, error) {
	toolsOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			toolsErr = err
			return
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				toolsErr = errors.New("no go.mod above the test's directory")
				return
			}
			dir = parent
		}
		modules := filepath.Join(dir, "tools", "a11y", "node_modules")
		src, err := os.ReadFile(filepath.Join(modules, "axe-core", "axe.min.js")) // #nosec G304 -- a fixed path in the repository
		if err != nil {
			toolsErr = fmt.Errorf("axe-core is not installed (run npm ci --prefix tools/a11y, as make test does): %w", err)
			return
		}
		jar := filepath.Join(modules, "vnu-jar", "build", "dist", "vnu.jar")
		if _, err := os.Stat(jar); err != nil {
			toolsErr = fmt.Errorf("vnu-jar is not installed (run npm ci --prefix tools/a11y, as make test does): %w", err)
			return
		}
		java, err := exec.LookPath("java")
		if err != nil {
			toolsErr = errors.New("java is not installed (apt-get install default-jre-headless), needed by the Nu HTML Checker")
			return
		}
		tools = a11yTools{axe: string(src), vnu: jar, java: java}
	})
	return tools, toolsErr
}

// pageCheck checks the pages one browser visits; the HTML files go to the test's validator.
type pageCheck struct {
	tools  a11yTools
	origin string          // the app's origin: the first page checked; other sites are not ours
	seen   map[string]bool // normalised path and state of each page already checked
	v      *validator
}

// validator collects the documents of one test and validates them all at its end.
type validator struct {
	dir   string
	files map[string]string // file name → the page's address, for messages
}

var (
	validatorsMu sync.Mutex
	validators   = map[*testing.T]*validator{}
)

// newPageCheck returns the checker for a new browser in t, or nil when the tools are
// missing outside CI.
func newPageCheck(t *testing.T) *pageCheck {
	t.Helper()
	tl, err := loadA11yTools()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("accessibility checks: %v", err)
		}
		t.Logf("accessibility and HTML checks skipped: %v", err)
		return nil
	}
	validatorsMu.Lock()
	defer validatorsMu.Unlock()
	v := validators[t]
	if v == nil {
		v = &validator{dir: t.TempDir(), files: map[string]string{}}
		validators[t] = v
		t.Cleanup(func() {
			validatorsMu.Lock()
			delete(validators, t)
			validatorsMu.Unlock()
			v.run(t, tl)
		})
	}
	return &pageCheck{tools: tl, seen: map[string]bool{}, v: v}
}

// idSegment matches the parts of a path that name one record or carry a token.
var idSegment = regexp.MustCompile(`/(\d+|[A-Za-z0-9_-]{20,})(/|$)`)

// pageState is evaluated in the page: where it is, whether it has loaded, and whether it
// shows field errors or a flash (a form re-rendered with messages is a page of its own).
const pageState = `JSON.stringify({href: location.href, ready: document.readyState,
  errors: document.querySelector('[data-testid^="error-"], [aria-invalid="true"]') !== null,
  flash: document.querySelector('[data-testid="flash"]') !== null})`

// check runs axe on the current page and saves its markup, once per page and state.
func (c *pageCheck) check(t *testing.T, ctx context.Context) {
	t.Helper()
	if c == nil {
		return
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](pageState))
	if err != nil {
		return // between documents (a click that navigates): the next step checks the page
	}
	var st struct {
		Href, Ready   string
		Errors, Flash bool
	}
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		t.Fatalf("page state: %v", err)
	}
	u, err := url.Parse(st.Href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || st.Ready != "complete" {
		return
	}
	if c.origin == "" {
		c.origin = u.Scheme + "://" + u.Host
	}
	if u.Scheme+"://"+u.Host != c.origin {
		return // another site, such as the quick exit's
	}
	path := u.Path
	for idSegment.MatchString(path) {
		path = idSegment.ReplaceAllString(path, "/:id$2")
	}
	key := fmt.Sprintf("%s errors=%t flash=%t", path, st.Errors, st.Flash)
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.axe(t, ctx, u.Path)
	c.save(t, ctx, u.Path)
}

// axeReport is what the page hands back: the serious and critical violations only.
const axeReport = `axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(
  r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))`

// axe injects axe-core through DevTools (not subject to the page's CSP) and runs it.
func (c *pageCheck) axe(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](c.tools.axe)); err != nil {
		t.Fatalf("inject axe-core into %s: %v", path, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeReport, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", path, err)
	}
	var violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("axe on %s: %v", path, err)
	}
	for _, v := range violations {
		t.Errorf("axe on %s: %s (%s): %s\n\t%s", path, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// save writes the document, doctype included, for the validator.
func (c *pageCheck) save(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	html, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(document.doctype ? new XMLSerializer().serializeToString(document.doctype) + "\n" : "") + document.documentElement.outerHTML`))
	if err != nil {
		t.Fatalf("markup of %s: %v", path, err)
	}
	validatorsMu.Lock()
	name := fmt.Sprintf("page-%03d.html", len(c.v.files)+1)
	c.v.files[name] = path
	validatorsMu.Unlock()
	if err := os.WriteFile(filepath.Join(c.v.dir, name), []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
}

// run validates every saved document in one start of the Nu HTML Checker.
func (v *validator) run(t *testing.T, tl a11yTools) {
	t.Helper()
	if len(v.files) == 0 {
		return
	}
	names := make([]string, 0, len(v.files))
	for name := range v.files {
		names = append(names, name)
	}
	sort.Strings(names)
	args := []string{"-jar", tl.vnu, "--format", "json", "--errors-only"}
	for _, name := range names {
		args = append(args, filepath.Join(v.dir, name))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tl.java, args...) // #nosec G204 -- java and the jar come from fixed places
	out, err := cmd.CombinedOutput()                  // vnu writes its report to standard error
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Errorf("Nu HTML Checker: %v (%v)\n%s", err, jerr, out)
		return
	}
	for _, m := range report.Messages {
		page := v.files[filepath.Base(m.URL)]
		t.Errorf("HTML of %s (%s line %d): %s: %s\n\t%q", page, filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
	if err != nil && len(report.Messages) == 0 {
		t.Errorf("Nu HTML Checker: %v\n%s", err, out)
	}
}
