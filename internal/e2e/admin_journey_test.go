package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyAdminAddsACounsellorWhoSignsIn is journey 1: an admin signs in, adds a
// counsellor (meeting a validation error first), and the counsellor signs in with the
// password shown once, turns on two-factor and signs in again with a code.
func TestJourneyAdminAddsACounsellorWhoSignsIn(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, adminPassword := app.User(practice.ID, store.RoleAdmin)
	b := NewBrowser(t)

	b.Do(chromedp.Navigate(app.HTTP.URL + "/"))
	if !strings.HasSuffix(b.Location(), "/login") {
		t.Fatalf("a signed-out visitor is at %s, want the sign-in page", b.Location())
	}
	b.Screenshots("login")
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-email"), admin.Email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), adminPassword),
	)
	b.Submit(`[data-testid="login-form"] button[type="submit"]`)
	if h := b.Text("h1"); !strings.Contains(h, admin.DisplayName) {
		t.Fatalf("after sign-in the heading is %q", h)
	}

	b.Do(chromedp.Navigate(app.HTTP.URL+"/admin/users/new"), chromedp.WaitVisible(chromedp.CSS("#f-display_name")))
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-display_name"), "Robin Ash"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "robin-at-harbour"),
	)
	b.Submit(`main form button[type="submit"]`)
	if msg := b.Text(`[data-testid="error-email"]`); !strings.Contains(msg, "email address") {
		t.Fatalf("message beside the email field: %q", msg)
	}
	b.Screenshots("add-user-error")
	if v := b.Value("#f-display_name"); v != "Robin Ash" {
		t.Fatalf("the name typed was lost on the validation error: %q", v)
	}
	b.Do(
		chromedp.Clear(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "robin@harbour.example"),
	)
	b.Submit(`main form button[type="submit"]`)
	password := b.Text(`[data-testid="new-password"]`)
	if !regexp.MustCompile(`^\S{5}-\S{5}-\S{5}-\S{5}$`).MatchString(password) {
		t.Fatalf("shown password %q", password)
	}
	b.Screenshots("password-shown")
	b.Submit(`[data-testid="sign-out"]`)
	if msg := b.Text(`[data-testid="flash"]`); msg != "You have signed out." {
		t.Fatalf("flash after sign-out: %q", msg)
	}

	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-email"), "robin@harbour.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password),
	)
	b.Submit(`[data-testid="login-form"] button[type="submit"]`)
	if h := b.Text("h1"); !strings.Contains(h, "Robin Ash") {
		t.Fatalf("the new counsellor's home heading is %q", h)
	}
	if html := b.HTML(); strings.Contains(html, "/admin/users") {
		t.Fatal("a counsellor is shown the admin navigation")
	}
	b.Screenshots("counsellor-home")

	// The new counsellor turns on two-factor with the secret shown on the page.
	b.Do(chromedp.Navigate(app.HTTP.URL + "/account"))
	b.Submit(`[data-testid="account-two-factor"] a`)
	secret := strings.ReplaceAll(b.Text(`[data-testid="totp-secret"]`), " ", "")
	code, err := totp.GenerateCode(secret, app.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	b.Do(chromedp.SendKeys(chromedp.CSS("#f-password"), password), chromedp.SendKeys(chromedp.CSS("#f-code"), code))
	b.Submit(`[data-testid="two-factor-confirm"] button[type="submit"]`)
	if n := b.EvalInt(`document.querySelectorAll('[data-testid="recovery-code"]').length`); n != 10 {
		t.Fatalf("%d recovery codes shown, want 10", n)
	}
	var stored string
	var userID int64
	if err := app.DB.App.QueryRow(`SELECT f.totp_secret, u.id FROM two_factor f JOIN users u ON u.id = f.user_id
		WHERE u.practice_id = $1 AND u.email = 'robin@harbour.example'`, practice.ID).Scan(&stored, &userID); err != nil {
		t.Fatalf("two-factor row for the new counsellor: %v", err)
	}
	if opened, err := app.Keys.Open(stored, keyring.TOTPContext(practice.ID, userID)); err != nil || opened != secret || strings.Contains(stored, secret) {
		t.Fatalf("the stored secret is not the shown one sealed: %v", err)
	}
	b.Submit(`[data-testid="sign-out"]`)

	app.Clock.Advance(30e9) // the enrolment code cannot be replayed
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-email"), "robin@harbour.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password),
	)
	b.Submit(`[data-testid="login-form"] button[type="submit"]`)
	if !strings.HasSuffix(b.Location(), "/login/two-factor") {
		t.Fatalf("after the password the counsellor is at %s, want the code page", b.Location())
	}
	code, _ = totp.GenerateCode(secret, app.Clock.Now())
	b.Do(chromedp.SendKeys(chromedp.CSS("#f-code"), code))
	b.Submit(`[data-testid="two-factor-form"] button[type="submit"]`)
	if h := b.Text("h1"); !strings.Contains(h, "Robin Ash") {
		t.Fatalf("after the code the counsellor's heading is %q", h)
	}
	b.Screenshots("counsellor-two-factor")
}
