package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
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

func TestThrottlingCountsFailuresPerEmailAcrossIPsAndPerIPAcrossEmails(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	limit := store.LoginLimit{Max: 5, Window: 15 * time.Minute}
	now := time.Now()
	for i := 0; i < 5; i++ {
		if _, throttled, err := app.Store.StartLoginAttempt(ctx, "Target@Test.example", fmt.Sprintf("203.0.113.%d", i+1), now, limit); err != nil || throttled {
			t.Fatalf("attempt %d: throttled %v, %v", i+1, throttled, err)
		}
	}
	if _, throttled, _ := app.Store.StartLoginAttempt(ctx, "target@test.example", "198.51.100.7", now, limit); !throttled {
		t.Fatal("a sixth failure for one email from a new IP was not throttled")
	}
	for i := 0; i < 5; i++ {
		if _, throttled, _ := app.Store.StartLoginAttempt(ctx, fmt.Sprintf("other%d@test.example", i), "198.51.100.8", now, limit); throttled {
			t.Fatalf("attempt %d from a fresh IP throttled", i+1)
		}
	}
	if _, throttled, _ := app.Store.StartLoginAttempt(ctx, "fresh@test.example", "198.51.100.8", now, limit); !throttled {
		t.Fatal("a sixth failure from one IP across emails was not throttled")
	}
}

func TestParallelGuessesCannotSlipPastTheThrottle(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, _ := app.User(practice.ID, store.RoleCounsellor)
	var wg sync.WaitGroup
	statuses := make(chan int, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- app.Client().Login(u.Email, "a wrong guess here").Status
		}()
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if counts[401] != 5 || counts[429] != 15 {
		t.Fatalf("20 parallel wrong guesses: %v; want exactly 5 checked (401) and 15 refused (429)", counts)
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
		c := app.Client()
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
	c := app.Client()
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
