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

func TestSignOutDestroysTheSessionSoTheOldCookieNoLongerWorks(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	c, u := app.SignedIn(practice.ID, store.RoleCounsellor)
	old := c.Cookie(auth.SessionCookieName)

	res := c.Post("/logout", nil)
	if res.Status != 303 || res.Location != "/login" {
		t.Fatalf("sign out: status %d location %q", res.Status, res.Location)
	}
	if page := c.Get("/login"); !strings.Contains(page.Body, "You have signed out.") {
		t.Error("no signed-out message after sign-out")
	}
	replay := app.Browser()
	replay.SetCookie(auth.SessionCookieName, old)
	if res := replay.Get("/"); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
		t.Fatalf("old cookie after sign-out: status %d location %q, want redirect to sign-in", res.Status, res.Location)
	}
	var rows int
	if err := app.DB.App.Get(&rows, `SELECT count(*) FROM sessions WHERE token_hash = $1`, auth.HashToken(old)); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Fatal("the session row survived sign-out")
	}
	var audited int
	if err := app.DB.App.Get(&audited, `SELECT count(*) FROM audit_log WHERE action = 'auth.logout' AND actor_user_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	if audited != 1 {
		t.Fatalf("sign-out audit rows = %d, want 1", audited)
	}
}

func TestIdleSessionExpires(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	c, _ := app.SignedIn(practice.ID, store.RoleCounsellor)

	app.Clock.Advance(20 * time.Minute)
	if res := c.Get("/"); res.Status != 200 {
		t.Fatalf("after 20 idle minutes: status %d, want 200 (idle timeout is 30)", res.Status)
	}
	app.Clock.Advance(20 * time.Minute) // 20 minutes since the last request: still within the timeout
	if res := c.Get("/"); res.Status != 200 {
		t.Fatalf("activity should have renewed the idle timer: status %d", res.Status)
	}
	app.Clock.Advance(31 * time.Minute)
	res := c.Get("/account/password")
	if res.Status != 303 || res.Location != "/login?next=%2Faccount%2Fpassword" {
		t.Fatalf("after 31 idle minutes: status %d location %q, want redirect to sign-in", res.Status, res.Location)
	}
	if page := c.Get("/login"); !strings.Contains(page.Body, "period of inactivity") {
		t.Error("the sign-in page does not say why the session ended")
	}
}

func TestSessionHasAnAbsoluteLifetime(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	c, _ := app.SignedIn(practice.ID, store.RoleCounsellor)
	// Active every 25 minutes, so never idle for 30: refused only once 12 hours have passed.
	for k := 1; k <= 29; k++ {
		app.Clock.Advance(25 * time.Minute)
		res := c.Get("/")
		if elapsed := time.Duration(k) * 25 * time.Minute; elapsed < 12*time.Hour && res.Status != 200 {
			t.Fatalf("active session refused after %s", elapsed)
		} else if elapsed > 12*time.Hour && res.Status != 303 {
			t.Fatalf("after %s (past the 12-hour lifetime): status %d, want redirect to sign-in", elapsed, res.Status)
		}
	}
}

func TestExpiredSessionRowIsNotAccepted(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	c, _ := app.SignedIn(practice.ID, store.RoleCounsellor)
	if _, err := app.DB.OpenAsAdmin(t).Exec(`UPDATE sessions SET expiry = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	if res := c.Get("/"); res.Status != 303 {
		t.Fatalf("expired session row: status %d, want redirect to sign-in", res.Status)
	}
	n, err := app.Store.DeleteExpiredSessions(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v; want 1 row", n, err)
	}
}

func TestDeactivatingAUserEndsAllTheirSessions(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, _ := app.SignedIn(practice.ID, store.RoleAdmin)
	u, password := app.User(practice.ID, store.RoleCounsellor)
	phone, laptop := app.Browser(), app.Browser()
	phone.Login(u.Email, password)
	laptop.Login(u.Email, password)
	if n, _ := app.Store.CountUserSessions(context.Background(), practice.ID, u.ID); n != 2 {
		t.Fatalf("sessions before deactivation = %d, want 2", n)
	}

	res := admin.Post("/admin/users/"+itoa(u.ID)+"/deactivate", nil)
	if res.Status != 303 || res.Location != "/admin/users" {
		t.Fatalf("deactivate: status %d location %q", res.Status, res.Location)
	}
	for name, c := range map[string]*testutil.Browser{"phone": phone, "laptop": laptop} {
		if res := c.Get("/"); res.Status != 303 {
			t.Errorf("%s still signed in after deactivation: status %d", name, res.Status)
		}
	}
	if n, _ := app.Store.CountUserSessions(context.Background(), practice.ID, u.ID); n != 0 {
		t.Fatalf("sessions after deactivation = %d, want 0", n)
	}
	if res := app.Browser().Login(u.Email, password); res.Status != 401 {
		t.Fatalf("deactivated user signing in: status %d, want 401", res.Status)
	}
	got, err := app.Store.User(context.Background(), practice.ID, u.ID)
	if err != nil || got.Active || got.DeactivatedAt == nil {
		t.Fatalf("user after deactivation: active=%v deactivated_at=%v err=%v", got.Active, got.DeactivatedAt, err)
	}
}

func TestCSRFTokenIsRequiredOnEveryPost(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, adminUser := app.SignedIn(practice.ID, store.RoleAdmin)
	target, _ := app.User(practice.ID, store.RoleCounsellor)

	// Signed out: the sign-in form without its token.
	anon := app.Browser()
	anon.Get("/login")
	res := anon.PostRaw("/login", url.Values{"email": {adminUser.Email}, "password": {"x"}})
	if res.Status != 403 || !strings.Contains(res.Body, "This form has expired") {
		t.Fatalf("sign-in POST without token: status %d, want 403 with the expired-form page", res.Status)
	}
	// Signed in: a state change without the token, and with a wrong one.
	for _, form := range []url.Values{nil, {"_csrf": {"forged-token"}}} {
		res := admin.PostRaw("/admin/users/"+itoa(target.ID)+"/deactivate", form)
		if res.Status != 403 {
			t.Fatalf("deactivate with token %v: status %d, want 403", form, res.Status)
		}
	}
	// A cross-site request is refused even with a token in hand.
	h := map[string][]string{"Content-Type": {"application/x-www-form-urlencoded"}, "Sec-Fetch-Site": {"cross-site"}}
	res = admin.Do("POST", "/logout", strings.NewReader(""), h)
	if res.Status != 403 {
		t.Fatalf("cross-site POST: status %d, want 403", res.Status)
	}
	got, _ := app.Store.User(context.Background(), practice.ID, target.ID)
	if !got.Active {
		t.Fatal("a POST without a valid CSRF token changed data")
	}
}
