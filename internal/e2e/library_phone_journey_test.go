package e2e

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyEveryBuiltInFitsAPhone: a counsellor previews every built-in template as the
// client will see it, on a 390 px phone; no form is wider than the screen, so the client never
// scrolls sideways, and each preview passes axe-core and the Nu HTML Checker.
func TestJourneyEveryBuiltInFitsAPhone(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	counsellor, password := app.User(practice.ID, store.RoleCounsellor)
	b := NewBrowser(t)
	b.Do(chromedp.EmulateViewport(390, 844))
	signIn(b, app.HTTP.URL, counsellor.Email, password)
	for _, bi := range homework.BuiltIns() {
		b.Do(chromedp.Navigate(app.HTTP.URL + "/homework/templates/phone?ref=" + url.QueryEscape("builtin:"+bi.Key)))
		html := b.HTML()
		if !strings.Contains(html, `data-testid="phone-form"`) || !strings.Contains(html, `name="q1"`) {
			t.Errorf("%s: no client form in the preview", bi.Key)
			continue
		}
		if w := b.EvalInt(`document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s: the client's form is %d px wide on a 390 px phone (widest: %s)", bi.Key, w, b.EvalString(widestElement))
		}
	}
}
