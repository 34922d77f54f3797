package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestSignInSucceedsAndRenewsTheSessionToken(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Client()

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
		c := app.Client()
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
	if err := app.DB.App.Get(&failures, `SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure'`); err != nil {
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
	c := app.Client()
	c.Get("/login")
	res := c.Post("/login", url.Values{"email": {"someone@test.example"}, "password": {""}})
	if res.Status != 422 {
		t.Fatalf("status %d, want 422", res.Status)
	}
	if !strings.Contains(res.Body, `data-testid="error-password"`) || !strings.Contains(res.Body, `value="someone@test.example"`) {
		t.Fatal("want a message beside the password field and the email kept")
	}
}

func TestSignInIsThrottledPerAccountAndPerIP(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Client()
	for i := 0; i < 5; i++ {
		if res := c.Login(u.Email, "wrong password number"); res.Status != 401 {
			t.Fatalf("attempt %d: status %d, want 401", i+1, res.Status)
		}
	}
	// The sixth attempt is refused even with the right password, from a fresh client.
	res := app.Client().Login(u.Email, password)
	if res.Status != 429 || !strings.Contains(res.Body, "Too many sign-in attempts") {
		t.Fatalf("attempt after 5 failures: status %d, want 429 with the throttle message", res.Status)
	}
	// An unknown email throttles exactly the same way: nothing reveals whether an account exists.
	// (Same IP, so the IP limit has already been reached.)
	unknown := app.Client().Login("nobody@test.example", "whatever password")
	if unknown.Status != 429 || !strings.Contains(unknown.Body, "Too many sign-in attempts") {
		t.Fatalf("unknown email after IP limit: status %d, want the same 429", unknown.Status)
	}
	var denied int
	if err := app.DB.App.Get(&denied, `SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied'`); err != nil {
		t.Fatal(err)
	}
	if denied != 2 {
		t.Fatalf("throttled attempts audited = %d, want 2", denied)
	}

	// Once the failures are older than the window, sign-in works again.
	if _, err := app.DB.OpenAsAdmin(t).Exec(`UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes'`); err != nil {
		t.Fatal(err)
	}
	if res := app.Client().Login(u.Email, password); res.Status != 303 {
		t.Fatalf("after the window: status %d, want 303", res.Status)
	}
}

func TestThrottlingCountsFailuresPerEmailAcrossIPs(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		if err := app.Store.RecordLoginAttempt(ctx, "Target@Test.example", "203.0.113."+string(rune('1'+i)), false); err != nil {
			t.Fatal(err)
		}
	}
	byEmail, byIP, err := app.Store.RecentLoginFailures(ctx, "target@test.example", "198.51.100.7", time.Now().Add(-15*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if byEmail != 5 || byIP != 0 {
		t.Fatalf("failures by email %d, by IP %d; want 5 and 0", byEmail, byIP)
	}
}
