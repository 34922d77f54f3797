package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

var csrfInPage = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func pageToken(t *testing.T, c *testutil.Browser, path string) string {
	t.Helper()
	m := csrfInPage.FindStringSubmatch(c.Get(path).Body)
	if m == nil {
		t.Fatalf("no CSRF token in %s", path)
	}
	return m[1]
}

// TestCSRFTokenIsBoundToTheSession refuses a token taken from another session (another
// user's, or the attacker's own), a forged cookie and field pair (the double-submit check
// accepted any equal pair), and a foreign Origin or Referer even with the right token.
func TestCSRFTokenIsBoundToTheSession(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, _ := app.SignedIn(practice.ID, store.RoleAdmin)
	attacker, _ := app.SignedIn(practice.ID, store.RoleCounsellor)
	target, _ := app.User(practice.ID, store.RoleCounsellor)
	deactivate := "/admin/users/" + itoa(target.ID) + "/deactivate"
	form := "application/x-www-form-urlencoded"

	own := pageToken(t, admin, "/admin/users")
	foreign := pageToken(t, attacker, "/account")
	if own == foreign {
		t.Fatal("two sessions share a token")
	}
	anonymous := pageToken(t, app.Browser(), "/login")
	for name, token := range map[string]string{"another user's session": foreign, "a signed-out session": anonymous} {
		if res := admin.PostRaw(deactivate, url.Values{"_csrf": {token}}); res.Status != 403 {
			t.Errorf("a token from %s: %d, want 403", name, res.Status)
		}
	}
	// A planted cookie with the same value in the field: the old double-submit pair.
	admin.SetCookie("_csrf", "planted-by-a-sibling-subdomain")
	if res := admin.PostRaw(deactivate, url.Values{"_csrf": {"planted-by-a-sibling-subdomain"}}); res.Status != 403 {
		t.Errorf("a forged equal pair: %d, want 403", res.Status)
	}
	// The right token from a foreign page, by Origin, Referer, or Sec-Fetch-Site.
	for _, h := range []http.Header{
		{"Origin": {"https://evil.example"}},
		{"Origin": {"http://" + strings.TrimPrefix(app.HTTP.URL, "http://") + ".evil.example"}},
		{"Referer": {"https://evil.example/page"}},
		{"Origin": {"null"}},
		{"Origin": {"null"}, "Sec-Fetch-Site": {"cross-site"}},
		{"Sec-Fetch-Site": {"same-site"}},
		{"Sec-Fetch-Site": {"cross-site"}},
	} {
		h.Set("Content-Type", form)
		res := admin.Do(http.MethodPost, deactivate, strings.NewReader(url.Values{"_csrf": {own}}.Encode()), h)
		if res.Status != 403 || !strings.Contains(res.Body, "This form has expired") {
			t.Errorf("the right token with %v: %d, want 403", h, res.Status)
		}
	}
	if got, _ := app.Store.User(context.Background(), practice.ID, target.ID); !got.Active {
		t.Fatal("a refused request deactivated the account")
	}
	// The same request from this site's own page goes through.
	h := http.Header{"Content-Type": {form}, "Origin": {app.HTTP.URL}, "Sec-Fetch-Site": {"same-origin"}}
	if res := admin.Do(http.MethodPost, deactivate, strings.NewReader(url.Values{"_csrf": {own}}.Encode()), h); res.Status != 303 {
		t.Fatalf("the right token from this site: %d, want 303", res.Status)
	}
	// Under Referrer-Policy: no-referrer a browser posts "Origin: null", vouching with Sec-Fetch-Site.
	h = http.Header{"Content-Type": {form}, "Origin": {"null"}, "Sec-Fetch-Site": {"same-origin"}}
	if res := admin.Do(http.MethodPost, "/admin/users/"+itoa(target.ID)+"/reset-password", strings.NewReader(url.Values{"_csrf": {own}}.Encode()), h); res.Status == 403 {
		t.Fatal("Origin: null from this site's own page was refused")
	}
	if got, _ := app.Store.User(context.Background(), practice.ID, target.ID); got.Active {
		t.Fatal("the accepted request did not deactivate the account")
	}
}

// TestEveryCookieIsSecureAndHostPrefixedUnderHTTPS signs in, opens a client link and sends
// a form with PUBLIC_URL on https: every Set-Cookie is Secure, HttpOnly and __Host-.
func TestEveryCookieIsSecureAndHostPrefixedUnderHTTPS(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t, func(c *config.Config) { c.PublicURL, _ = url.Parse("https://securebase.example") })
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	// The test server speaks plain http, where a cookie jar withholds Secure cookies: carry them by hand.
	jar := map[string]string{}
	var setCookies []string
	send := func(method, path string, form url.Values) *testutil.Response {
		t.Helper()
		h := http.Header{}
		var cookies []string
		for k, v := range jar {
			cookies = append(cookies, k+"="+v)
		}
		h.Set("Cookie", strings.Join(cookies, "; "))
		var body *strings.Reader
		if form != nil {
			h.Set("Content-Type", "application/x-www-form-urlencoded")
			body = strings.NewReader(form.Encode())
		} else {
			body = strings.NewReader("")
		}
		res := app.Browser().Do(method, path, body, h)
		for _, sc := range res.Header.Values("Set-Cookie") {
			setCookies = append(setCookies, sc)
			name, rest, _ := strings.Cut(sc, "=")
			value, _, _ := strings.Cut(rest, ";")
			jar[name] = value
		}
		return res
	}
	token := csrfInPage.FindStringSubmatch(send("GET", "/login", nil).Body)[1]
	res := send("POST", "/login", url.Values{"_csrf": {token}, "email": {u.Email}, "password": {password}})
	if res.Status != 303 {
		t.Fatalf("sign in over https: %d", res.Status)
	}
	token = csrfInPage.FindStringSubmatch(send("GET", "/account", nil).Body)[1]
	if res := send("POST", "/logout", url.Values{"_csrf": {token}}); res.Status != 303 {
		t.Fatalf("sign out: %d", res.Status)
	}
	f := &caseFixture{app: app, practice: practice, tokens: map[int64]string{}}
	cl := f.addClient(t, u.ID, "Jordan", "Avery", "")
	_, link := f.assign(t, cl, "once", nil)
	token = csrfInPage.FindStringSubmatch(send("GET", "/h/"+link, nil).Body)[1]
	if res := send("POST", "/h/open", url.Values{"_csrf": {token}, "token": {link}}); res.Status != 303 {
		t.Fatalf("open link: %d", res.Status)
	}
	if len(setCookies) < 4 {
		t.Fatalf("only %d cookies set: %v", len(setCookies), setCookies)
	}
	for _, sc := range setCookies {
		if !strings.HasPrefix(sc, "__Host-") || !strings.Contains(sc, "; Secure") || !strings.Contains(sc, "; HttpOnly") ||
			!strings.Contains(sc, "Path=/;") && !strings.HasSuffix(sc, "Path=/") {
			t.Errorf("Set-Cookie %q: want __Host-, Secure, HttpOnly, Path=/", sc)
		}
	}
}
