package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyCounsellorTurnsOnTwoFactorAndSignsInWithACode: from the Account page a
// counsellor scans the QR code (it loads under the strict CSP), confirms with a code and the
// password, keeps the recovery codes, signs out, and signs in again with a code.
func TestJourneyCounsellorTurnsOnTwoFactorAndSignsInWithACode(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	b := NewBrowser(t)
	signIn := func() {
		b.Do(chromedp.Navigate(app.HTTP.URL+"/login"),
			chromedp.SendKeys(chromedp.CSS("#f-email"), u.Email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), password))
		b.Submit(`[data-testid="login-form"] button[type="submit"]`)
	}
	signIn()
	b.Do(chromedp.Navigate(app.HTTP.URL + "/"))
	b.Submit(`nav a[href="/account"]`)
	if got := b.Text(`[data-testid="account-two-factor"]`); !strings.HasPrefix(got, "Off") {
		t.Fatalf("account page says two-factor is %q", got)
	}
	b.Submit(`[data-testid="account-two-factor"] a`)
	if w := b.EvalInt(`document.querySelector('[data-testid="totp-qr"]').naturalWidth`); w != 240 {
		t.Fatalf("the QR code did not load: natural width %d", w)
	}
	b.Screenshots("enrol")
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
	b.Screenshots("recovery-codes")
	b.Submit(`[data-testid="sign-out"]`)

	app.Clock.Advance(30e9) // the next code: the one used to enrol cannot be used again
	signIn()
	if !strings.HasSuffix(b.Location(), "/login/two-factor") {
		t.Fatalf("after the password the browser is at %s, want the code page", b.Location())
	}
	b.Screenshots("code")
	code, _ = totp.GenerateCode(secret, app.Clock.Now())
	b.Do(chromedp.SendKeys(chromedp.CSS("#f-code"), code))
	b.Submit(`[data-testid="two-factor-form"] button[type="submit"]`)
	if h := b.Text("h1"); !strings.Contains(h, u.DisplayName) {
		t.Fatalf("after the code the heading is %q", h)
	}
}
