package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyAdminAddsACounsellorWhoSignsIn is journey 1 as far as the foundation goes:
// an admin signs in, adds a counsellor (meeting a validation error first), and the
// counsellor signs in with the password shown once.
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
}
