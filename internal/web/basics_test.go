package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	c := app.Browser()
	if res := c.Get("/healthz"); res.Status != 200 {
		t.Fatalf("/healthz: %d", res.Status)
	}
	if res := c.Get("/readyz"); res.Status != 200 {
		t.Fatalf("/readyz with the database up: %d", res.Status)
	}
	if res := c.Get("/healthz"); res.Header.Get("Set-Cookie") != "" {
		t.Error("a probe created a cookie")
	}
	// With the database gone, readiness fails while liveness holds.
	if err := app.DB.App.Close(); err != nil {
		t.Fatal(err)
	}
	if res := c.Get("/readyz"); res.Status != 503 {
		t.Fatalf("/readyz with the database closed: %d, want 503", res.Status)
	}
	if res := c.Get("/healthz"); res.Status != 200 {
		t.Fatalf("/healthz with the database closed: %d, want 200", res.Status)
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	signedIn, _ := app.SignedIn(practice.ID, store.RoleAdmin)
	anon := app.Browser()
	for name, res := range map[string]*testutil.Response{
		"login":    anon.Get("/login"),
		"404":      anon.Get("/no/such/page"),
		"home":     signedIn.Get("/"),
		"users":    signedIn.Get("/admin/users"),
		"redirect": anon.Get("/admin/users"),
	} {
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", name, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows inline code", name)
		}
		for header, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"Cache-Control":          "no-store",
			"X-Frame-Options":        "DENY",
		} {
			if got := h.Get(header); got != want {
				t.Errorf("%s: %s = %q, want %q", name, header, got, want)
			}
		}
		if h.Get("Permissions-Policy") == "" {
			t.Errorf("%s: no Permissions-Policy", name)
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent over plain HTTP", name)
		}
	}
	// No inline style or script in a page.
	page := signedIn.Get("/admin/users").Body
	if inlineScriptOrStyle(page) {
		t.Error("a page carries inline script or style")
	}
}

// inlineScriptOrStyle reports a script element without a src, a style element or
// attribute, or an inline event handler: what the Content-Security-Policy forbids.
func inlineScriptOrStyle(page string) bool {
	for _, tag := range regexp.MustCompile(`(?i)<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(tag, " src=") {
			return true
		}
	}
	return regexp.MustCompile(`(?i)style="|<style|onclick=`).MatchString(page)
}

func TestTLSTurnsOnHSTSAndSecureCookies(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t, func(c *config.Config) { c.PublicURL.Scheme = "https" })
	res := app.Browser().Get("/login")
	if !strings.Contains(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Error("no HSTS when PUBLIC_URL is https")
	}
	for _, ck := range res.Header.Values("Set-Cookie") {
		if !strings.Contains(ck, "Secure") || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Lax") {
			t.Errorf("cookie %q is not Secure, HttpOnly and SameSite=Lax", strings.SplitN(ck, "=", 2)[0])
		}
	}
}

func TestFriendlyErrorPagesCarryARequestIDAndNoInternals(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	counsellor, _ := app.SignedIn(practice.ID, store.RoleCounsellor)
	anon := app.Browser()
	for name, tc := range map[string]struct {
		res     *testutil.Response
		status  int
		heading string
	}{
		"404":         {anon.Get("/nothing-here"), 404, "Page not found"},
		"404 method":  {anon.Do(http.MethodDelete, "/login", nil, nil), 404, "Page not found"},
		"403":         {counsellor.Get("/admin/users"), 403, "You do not have access"},
		"403 csrf":    {anon.PostRaw("/login", nil), 403, "This form has expired"},
		"404 bad id":  {app.Browser().Get("/assets/css/app.css"), 404, "Page not found"},
		"413 too big": {anon.Post("/login", map[string][]string{"email": {strings.Repeat("a", 2<<20)}}), 413, "That was too large"},
	} {
		if tc.res.Status != tc.status {
			t.Errorf("%s: status %d, want %d", name, tc.res.Status, tc.status)
			continue
		}
		if !strings.Contains(tc.res.Body, tc.heading) || !strings.Contains(tc.res.Body, `data-testid="request-id"`) {
			t.Errorf("%s: want the friendly page %q with a request id", name, tc.heading)
		}
		id := tc.res.Header.Get("X-Request-Id")
		if id == "" || !strings.Contains(tc.res.Body, id) {
			t.Errorf("%s: the page does not quote the request id %q", name, id)
		}
		if body := strings.ToLower(tc.res.Body); strings.Contains(body, "csrf token") || strings.Contains(body, "code=") || strings.Contains(body, "request entity") {
			t.Errorf("%s: internal error text reached the page", name)
		}
	}
}

func TestRateLimitPerClientIP(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 1, 5 })
	c := app.Browser()
	statuses := map[int]int{}
	for i := 0; i < 12; i++ {
		statuses[c.Get("/login").Status]++
	}
	if statuses[429] == 0 || statuses[200] < 5 {
		t.Fatalf("statuses for 12 quick requests with burst 5: %v, want at least 5 OK then 429", statuses)
	}
	if res := c.Get("/login"); !strings.Contains(res.Body, "Too many requests") {
		t.Fatal("the 429 page is not the friendly one")
	}
	// A spoofed X-Forwarded-For does not buy a fresh allowance when no proxy is trusted.
	res := c.Do("GET", "/login", nil, http.Header{"X-Forwarded-For": {"198.51.100.77"}})
	if res.Status != 429 {
		t.Fatalf("with a spoofed X-Forwarded-For: status %d, want 429", res.Status)
	}
	if c.Get("/healthz").Status != 200 {
		t.Fatal("health probes must not be rate limited")
	}
}

func TestAssetsCarryAContentHashAndAreCachedLong(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	page := app.Browser().Get("/login").Body
	m := regexp.MustCompile(`href="(/assets/css/app\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page links no content-hashed stylesheet")
	}
	res := app.Browser().Get(m[1])
	if res.Status != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("asset: status %d, Cache-Control %q, type %q", res.Status, res.Header.Get("Cache-Control"), res.Header.Get("Content-Type"))
	}
}

func TestRoutesListingMatchesTheRouter(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	var listed, registered []string
	for _, r := range app.Server.Routes() {
		listed = append(listed, r.Method+" "+r.Path)
		if r.Access.String() == "" {
			t.Errorf("%s %s has no access rule", r.Method, r.Path)
		}
	}
	for _, r := range app.Server.Echo().Routes() {
		if r.Method == "echo_route_not_found" {
			continue
		}
		registered = append(registered, r.Method+" "+r.Path)
	}
	sort.Strings(listed)
	sort.Strings(registered)
	if fmt.Sprint(listed) != fmt.Sprint(registered) {
		t.Fatalf("routes listing and router differ:\nlisted:     %v\nregistered: %v", listed, registered)
	}
	// Signed-in routes really refuse anonymous callers, as the listing says.
	anon := app.Browser()
	for _, r := range app.Server.Routes() {
		if r.Access.String() == "public" || strings.Contains(r.Path, ":") {
			continue
		}
		var res *testutil.Response
		if r.Method == http.MethodGet {
			res = anon.Get(r.Path)
		} else {
			res = anon.Post(r.Path, nil)
		}
		refused := res.Status == 303 && strings.HasPrefix(res.Location, "/login")
		if r.Method != http.MethodGet && res.Status == 403 {
			refused = true // the session-bound CSRF check refuses a caller without a session first
		}
		if r.Access.String() == "client-link" {
			refused = res.Status == 403 || res.Status == 404 || res.Status == 410
		}
		if r.Path == "/h/exit" {
			// The quick exit leaves for the neutral site whoever presses it: it only ends a session.
			refused = res.Status == 403 || (res.Status == 303 && !strings.HasPrefix(res.Location, "/"))
		}
		if !refused {
			t.Errorf("%s %s listed as %q answered an anonymous caller with %d", r.Method, r.Path, r.Access, res.Status)
		}
	}
}

func TestInternalErrorsShowAFriendlyPageAndAreLoggedWithoutDetailToTheBrowser(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, _ := app.SignedIn(practice.ID, store.RoleAdmin)
	// Break the database in a way that is not an outage: the app role loses a privilege.
	if _, err := app.DB.OpenAsAdmin(t).Exec(`REVOKE SELECT ON audit_log FROM securebase_app`); err != nil {
		t.Fatal(err)
	}
	res := admin.Get("/admin/audit")
	if res.Status != 500 || !strings.Contains(res.Body, "Something went wrong") {
		t.Fatalf("status %d, want the 500 page", res.Status)
	}
	if strings.Contains(res.Body, "permission denied") || strings.Contains(res.Body, "audit_log") {
		t.Fatal("the database error reached the browser")
	}
	id := res.Header.Get("X-Request-Id")
	if !strings.Contains(res.Body, id) || !strings.Contains(app.Logs.String(), `"request_id":"`+id+`"`) {
		t.Fatal("the page and the log should share the request id")
	}
	if !strings.Contains(app.Logs.String(), "permission denied") {
		t.Fatal("the cause is not in the log")
	}
}
