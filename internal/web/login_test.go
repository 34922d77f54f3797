package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestSignInSucceedsAndRenewsTheSessionToken(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Browser()

	// A token that exists before sign-in (here, one planted by an attacker) must not survive it.
	planted := "planted-token-value"
	c.SetCookie(auth.SessionCookieName, planted)

	res := c.Login(u.Email, password)
	if res.Status != 303 || res.Location != "/" {
		t.Fatalf("sign in: status %d location %q, want 303 to /", res.Status, res.Location)
	}
	token := c.Cookie(auth.SessionCookieName)
	if token == "" || token == planted {
		t.Fatalf("session token after sign-in = %q, want a new token", token)
	}
	home := c.Get("/")
	if home.Status != 200 || !strings.Contains(home.Body, u.DisplayName) {
		t.Fatalf("home after sign-in: status %d, want 200 naming the user", home.Status)
	}
	if cc := home.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("signed-in page Cache-Control = %q, want no-store", cc)
	}

	// Only the token's hash is stored.
	var stored int
	if err := app.DB.App.Get(&stored, `SELECT count(*) FROM sessions WHERE token_hash = $1 AND user_id = $2`, auth.HashToken(token), u.ID); err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Fatalf("sessions stored under the token's hash for the user = %d, want 1", stored)
	}
	var raw int
	if err := app.DB.App.Get(&raw, `SELECT count(*) FROM sessions WHERE token_hash = convert_to($1, 'UTF8')`, token); err != nil {
		t.Fatal(err)
	}
	if raw != 0 {
		t.Fatal("a session is stored under its raw token")
	}

	var audits int
	if err := app.DB.App.Get(&audits, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND actor_user_id = $2
		AND action = 'auth.login' AND outcome = 'success' AND request_id <> '' AND ip IS NOT NULL`, practice.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	if audits != 1 {
		t.Fatalf("successful sign-in audit rows = %d, want 1", audits)
	}
}

func TestSignInFailureKeepsEmailAndSaysNothingAboutWhichPartWasWrong(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, _ := app.User(practice.ID, store.RoleCounsellor)

	for _, tc := range []struct{ name, email string }{
		{"wrong password", u.Email},
		{"unknown email", "nobody@test.example"},
	} {
		c := app.Browser()
		res := c.Login(tc.email, "not the password at all")
		if res.Status != 401 {
			t.Fatalf("%s: status %d, want 401", tc.name, res.Status)
		}
		if !strings.Contains(res.Body, "The email or password is not right") {
			t.Errorf("%s: the generic failure message is missing", tc.name)
		}
		if !strings.Contains(res.Body, `value="`+tc.email+`"`) {
			t.Errorf("%s: the email typed is not kept in the form", tc.name)
		}
		if strings.Contains(res.Body, "not the password at all") {
			t.Errorf("%s: the password is echoed back", tc.name)
		}
		if c.Get("/").Status != 303 {
			t.Errorf("%s: a failed sign-in left the visitor signed in", tc.name)
		}
	}
	var failures int
	if err := app.DB.App.Get(&failures, `SELECT (SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure')
		+ (SELECT count(*) FROM audit_log_unscoped WHERE action = 'auth.login' AND outcome = 'failure')`); err != nil {
		t.Fatal(err)
	}
	if failures != 2 {
		t.Fatalf("failed sign-in audit rows = %d, want 2 (known and unknown email)", failures)
	}
	if logs := app.Logs.String(); strings.Contains(logs, "not the password at all") || strings.Contains(logs, u.Email) {
		t.Fatal("a password or email reached the log")
	}
}

func TestSignInValidationKeepsInputAndMarksTheField(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	c := app.Browser()
	c.Get("/login")
	res := c.Post("/login", url.Values{"email": {"someone@test.example"}, "password": {""}})
	if res.Status != 422 {
		t.Fatalf("status %d, want 422", res.Status)
	}
	if !strings.Contains(res.Body, `data-testid="error-password"`) || !strings.Contains(res.Body, `value="someone@test.example"`) {
		t.Fatal("want a message beside the password field and the email kept")
	}
}

func TestSignInOnlyRedirectsWithinTheSite(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	for next, want := range map[string]string{
		"/account/password":    "/account/password",
		"/clients?q=a&page=2":  "/clients?q=a&page=2",
		"//evil.example":       "/",
		"/\\evil.example":      "/",
		"/\t/evil.example":     "/",
		"/%09/evil.example":    "/%09/evil.example",
		"https://evil.example": "/",
		"javascript:alert(1)":  "/",
		"evil.example":         "/",
		"":                     "/",
	} {
		c := app.Browser()
		c.Get("/login")
		res := c.Post("/login", url.Values{"email": {u.Email}, "password": {password}, "next": {next}})
		if res.Status != 303 || res.Location != want {
			t.Errorf("next=%q: status %d, location %q, want %q", next, res.Status, res.Location, want)
		}
	}
}

func TestSignInRenewsTheCSRFToken(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Browser()
	token := regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	before := token.FindStringSubmatch(c.Get("/login").Body)
	c.Post("/login", url.Values{"email": {u.Email}, "password": {password}})
	after := token.FindStringSubmatch(c.Get("/").Body)
	if before == nil || after == nil || after[1] == before[1] {
		t.Fatalf("CSRF token after sign-in %q, before %q: want a new one", after, before)
	}
	// The token from before sign-in no longer works.
	if res := c.PostRaw("/logout", url.Values{"_csrf": {before[1]}}); res.Status != 403 {
		t.Fatalf("the pre-sign-in token: status %d, want 403", res.Status)
	}
}
