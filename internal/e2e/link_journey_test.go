package e2e

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// issueLink issues the client's private link from the counsellor's link page (confirming the
// replace if a link is live) and returns it as the test server serves it.
func issueLink(t *testing.T, counsellor *Browser, appURL, clientURL string) string {
	t.Helper()
	counsellor.Do(chromedp.Navigate(clientURL + "/link"))
	counsellor.Submit(`[data-testid="link-issue-form"] button[type="submit"]`)
	if counsellor.EvalInt(`document.querySelectorAll('[data-testid="link-confirm"]').length`) == 1 {
		counsellor.Do(chromedp.Click(chromedp.CSS(`[data-testid="link-replace-form"] input[name="replace"]`)))
		counsellor.Submit(`[data-testid="link-replace-form"] button[type="submit"]`)
	}
	link := counsellor.Value(`[data-testid="link"]`)
	if !strings.Contains(link, "/h/") {
		t.Fatalf("no link to copy: %q", link)
	}
	return appURL + link[strings.Index(link, "/h/"):] // PUBLIC_URL names the real host; the test server has its own
}

// phone is a fresh browser at 390 px wide: a client's own phone.
func phone(t *testing.T) *Browser {
	t.Helper()
	b := NewBrowser(t)
	b.Do(chromedp.EmulateViewport(390, 844))
	return b
}

// fitsThePhone fails the test when the client page is wider than the 390 px screen.
func fitsThePhone(t *testing.T, b *Browser, what string) {
	t.Helper()
	if w := b.EvalInt(`document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("%s is %d px wide on a 390 px screen", what, w)
	}
}

// openOnPhone opens a link on a phone and presses its button.
func openOnPhone(t *testing.T, b *Browser, link string) {
	t.Helper()
	b.Do(chromedp.Navigate(link))
	fitsThePhone(t, b, "the landing page")
	b.Submit(`[data-testid="open-form"] button[type="submit"]`)
	if !strings.HasSuffix(b.Location(), "/h") {
		t.Fatalf("after the button the client is at %s, want /h", b.Location())
	}
	fitsThePhone(t, b, "the client's page")
}

// linkFixture is a counsellor signed in, with a client who has a daily form due.
func linkFixture(t *testing.T) (*testutil.App, *Browser, string) {
	t.Helper()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	ctx := context.Background()
	cl, err := app.Store.CreateClient(ctx, practice.ID, store.ClientInput{CounsellorID: me.ID, FirstName: "Jordan", LastName: "Avery",
		PreferredName: "Jo", Format: "individual", ContactMethod: "neither", NeutralMessages: true}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := homework.BuiltInByKey("reassurance_tally")
	def, _ := json.Marshal(tpl)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if _, err := app.Store.CreateAssignment(ctx, practice.ID, cl.ID, me.ID, store.AssignmentInput{TemplateRef: "builtin:reassurance_tally",
		Title: tpl.Title, Template: def, StartDate: today.AddDate(0, 0, -1), DueDate: today.AddDate(0, 0, 5), Cadence: "daily",
		RequestKey: "0123456789abcdef0123456789abcdef"}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	counsellor := NewBrowser(t)
	signIn(counsellor, app.HTTP.URL, me.Email, password)
	return app, counsellor, app.HTTP.URL + "/clients/" + strconv.FormatInt(cl.ID, 10)
}

// TestJourneyReloadingTheIssuedLinkKeepsItAlive: the counsellor issues the link, reloads the
// page that showed it (nothing is re-posted, no new link is made), and the client opens the
// link they were given.
func TestJourneyReloadingTheIssuedLinkKeepsItAlive(t *testing.T) {
	t.Parallel()
	app, counsellor, clientURL := linkFixture(t)
	link := issueLink(t, counsellor, app.HTTP.URL, clientURL)
	counsellor.Do(chromedp.Reload())
	if counsellor.EvalInt(`document.querySelectorAll('[data-testid="link-already-shown"]').length`) != 1 ||
		counsellor.EvalInt(`document.querySelectorAll('[data-testid="link"]').length`) != 0 {
		t.Fatal("the reload does not say the link was already shown, or shows it again")
	}
	client := phone(t)
	openOnPhone(t, client, link)
	if client.EvalInt(`document.querySelectorAll('[data-testid="entry-form"]').length`) != 1 {
		t.Fatal("the link issued before the reload does not open the form")
	}
}

// TestJourneyFiveWrongPINsLockTheLinkUntilItIsReissued: the client chooses a PIN; a stranger
// holding the link guesses five times and the earlier entries lock; the counsellor sees the
// lock and issues a new link, which opens with a new PIN.
func TestJourneyFiveWrongPINsLockTheLinkUntilItIsReissued(t *testing.T) {
	t.Parallel()
	app, counsellor, clientURL := linkFixture(t)
	link := issueLink(t, counsellor, app.HTTP.URL, clientURL)
	client := phone(t)
	openOnPhone(t, client, link)
	enterPIN := func(b *Browser, pin string) {
		b.Do(chromedp.SendKeys(chromedp.CSS("#q-pin"), pin))
		b.Submit(`[data-testid="pin-send"]`)
		fitsThePhone(t, b, "the PIN page")
	}
	client.Do(chromedp.Navigate(app.HTTP.URL + "/h/earlier"))
	enterPIN(client, "4826")
	stranger := phone(t)
	openOnPhone(t, stranger, link)
	stranger.Do(chromedp.Navigate(app.HTTP.URL + "/h/earlier"))
	for i := 0; i < 5; i++ {
		enterPIN(stranger, "1111")
	}
	if stranger.EvalInt(`document.querySelectorAll('[data-testid="pin-locked"]').length`) != 1 {
		t.Fatal("five wrong PINs did not lock the link")
	}
	counsellor.Do(chromedp.Navigate(clientURL + "/link"))
	if counsellor.EvalInt(`document.querySelectorAll('[data-testid="link-locked"]').length`) != 1 {
		t.Fatal("the counsellor is not told the link is locked")
	}
	fresh := issueLink(t, counsellor, app.HTTP.URL, clientURL)
	again := phone(t)
	openOnPhone(t, again, fresh)
	again.Do(chromedp.Navigate(app.HTTP.URL + "/h/earlier"))
	enterPIN(again, "5931")
	if again.EvalInt(`document.querySelectorAll('[data-testid="earlier-none"]').length`) != 1 {
		t.Fatal("the re-issued link does not open with a new PIN")
	}
	stranger.Do(chromedp.Navigate(link))
	if stranger.EvalInt(`document.querySelectorAll('[data-testid="open-form"]').length`) != 0 {
		t.Fatal("the locked link still opens after the re-issue")
	}
	fitsThePhone(t, stranger, "the dead-link page")
}
