package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// phoneWidth is the width of the phone the client pages are tried at.
const phoneWidth = 390

// fits fails when the client page is wider than the phone's screen.
func fits(t *testing.T, b *Browser, what string) {
	t.Helper()
	if w := b.EvalInt(`document.documentElement.scrollWidth`); w > phoneWidth {
		t.Errorf("%s is %d px wide on a %d px screen", what, w, phoneWidth)
	}
}

// assignAndIssueLink gives the client homework from the built-in ref through the counsellor's
// pages, then issues the client's one private link, and returns it on the test server's host.
func assignAndIssueLink(t *testing.T, counsellor *Browser, base, clientURL, ref string) string {
	t.Helper()
	counsellor.Do(chromedp.Navigate(clientURL + "/homework/new"))
	counsellor.Do(
		chromedp.SetValue(chromedp.CSS("#f-template"), ref),
		chromedp.SetValue(chromedp.CSS("#f-start_date"), time.Now().Format("2006-01-02")),
		chromedp.SetValue(chromedp.CSS("#f-due_date"), time.Now().AddDate(0, 0, 5).Format("2006-01-02")),
		chromedp.Click(chromedp.CSS(`input[name="cadence"][value="once"]`)),
	)
	counsellor.Submit(`[data-testid="assignment-form"] button[type="submit"]`)
	return issueLink(t, counsellor, base, clientURL)
}

// clientApp is a practice with a counsellor signed in, a client, and a neutral site to leave for.
func clientApp(t *testing.T) (app *testutil.App, counsellor *Browser, clientURL, exitURL string) {
	t.Helper()
	neutral := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("<!doctype html><html lang=en><title>Weather</title><p>Sunny spells."))
	}))
	t.Cleanup(neutral.Close)
	exit, _ := url.Parse(neutral.URL + "/weather")
	app = testutil.NewApp(t, func(c *config.Config) { c.QuickExitURL = exit })
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	counsellor = NewBrowser(t)
	signIn(counsellor, app.HTTP.URL, me.Email, password)
	counsellor.Do(chromedp.Navigate(app.HTTP.URL+"/clients/new"),
		chromedp.SendKeys(chromedp.CSS("#f-first_name"), "Robin"),
		chromedp.SendKeys(chromedp.CSS("#f-last_name"), "Hale"))
	counsellor.Submit(`[data-testid="client-form"] button[type="submit"]`)
	return app, counsellor, counsellor.Location(), exit.String()
}

// openAndSend opens the link on b, presses its button, chooses the PIN and sends the
// kind-pause form with words. Only entries sent after the PIN was chosen show behind it.
func openAndSend(t *testing.T, b *Browser, base, link, pin, words string) {
	t.Helper()
	b.Do(chromedp.Navigate(link))
	fits(t, b, "the landing page")
	b.Submit(`[data-testid="open-form"] button[type="submit"]`)
	fits(t, b, "the form")
	b.Do(chromedp.Navigate(base + "/h/earlier"))
	fits(t, b, "the PIN page")
	b.Do(chromedp.SendKeys(chromedp.CSS("#q-pin"), pin))
	b.Submit(`[data-testid="pin-send"]`)
	b.Do(chromedp.Navigate(base + "/h"))
	b.Do(chromedp.SendKeys(chromedp.CSS("#q-q1"), words), chromedp.SendKeys(chromedp.CSS("#q-q2"), "This is hard, and I am doing my best."))
	b.Submit(`[data-testid="send"]`)
	if flash := b.Text(`[data-testid="flash"]`); flash != "Sent. Thank you." {
		t.Fatalf("after sending: %q", flash)
	}
	fits(t, b, "the thanks")
}

// TestJourneyQuickExitLeavesNothingBehind: the client opens the link, presses the button, sends
// a form, starts another answer, and presses Quick exit. Back, and then /h typed in, show only
// the neutral page: nothing the client wrote.
func TestJourneyQuickExitLeavesNothingBehind(t *testing.T) {
	t.Parallel()
	app, counsellor, clientURL, exitURL := clientApp(t)
	link := assignAndIssueLink(t, counsellor, app.HTTP.URL, clientURL, "builtin:self_compassion_break")
	client := phone(t)
	openAndSend(t, client, app.HTTP.URL, link, "4826", "Left out of the river walk plans")
	client.Do(chromedp.Navigate(app.HTTP.URL + "/h/earlier"))
	if !strings.Contains(client.HTML(), "river walk") {
		t.Fatal("the client's own earlier entry is not shown behind the PIN")
	}
	fits(t, client, "the earlier entries")

	client.Do(chromedp.Click(chromedp.CSS(`[data-testid="quick-exit"]`)))
	var loc string
	for i := 0; i < 50 && loc != exitURL; i++ {
		time.Sleep(100 * time.Millisecond)
		loc = client.Location()
	}
	if loc != exitURL {
		t.Fatalf("quick exit went to %q, want %q", loc, exitURL)
	}
	client.Do(chromedp.NavigateBack())
	back := client.HTML()
	for _, written := range []string{"river walk", "doing my best", "Sent. Thank you.", `data-testid="entry-form"`, `data-testid="earlier-entry"`, "Robin"} {
		if strings.Contains(back, written) {
			t.Fatalf("Back after the quick exit shows %q", written)
		}
	}
	if !strings.Contains(back, `data-testid="client-error"`) && !strings.Contains(back, "Sunny spells") {
		t.Fatalf("Back after the quick exit shows neither the neutral page nor the site left for: %.300s", back)
	}
	fits(t, client, "the page Back shows")
	for _, path := range []string{"/h", "/h/earlier"} {
		client.Do(chromedp.Navigate(app.HTTP.URL + path))
		body := client.HTML()
		if !strings.Contains(body, `data-testid="client-error"`) || strings.Contains(body, "river walk") || strings.Contains(body, "Robin") {
			t.Fatalf("%s after the quick exit is not the neutral page: %.300s", path, body)
		}
		fits(t, client, path+" after the quick exit")
	}
}

// TestJourneyAFreshBrowserSeesNoEarlierEntryWithoutThePIN: someone else holding the link (a
// partner's phone) gets today's forms but nothing already written until the PIN is entered.
func TestJourneyAFreshBrowserSeesNoEarlierEntryWithoutThePIN(t *testing.T) {
	t.Parallel()
	app, counsellor, clientURL, _ := clientApp(t)
	link := assignAndIssueLink(t, counsellor, app.HTTP.URL, clientURL, "builtin:self_compassion_break")
	openAndSend(t, phone(t), app.HTTP.URL, link, "4826", "Left out of the river walk plans")

	other := phone(t) // a fresh browser holding only the link
	other.Do(chromedp.Navigate(link))
	fits(t, other, "the landing page")
	other.Submit(`[data-testid="open-form"] button[type="submit"]`)
	if body := other.HTML(); strings.Contains(body, "river walk") || strings.Contains(body, "doing my best") {
		t.Fatal("a fresh browser sees the earlier entry on the form page")
	}
	fits(t, other, "the form page")
	other.Do(chromedp.Click(chromedp.CSS(`[data-testid="earlier-link"]`)))
	other.Do(chromedp.WaitVisible(chromedp.CSS(`[data-testid="pin-form"]`)))
	if body := other.HTML(); strings.Contains(body, "river walk") || strings.Contains(body, `data-testid="earlier-entry"`) {
		t.Fatal("a fresh browser sees the earlier entry before the PIN")
	}
	fits(t, other, "the PIN page")
	other.Do(chromedp.SendKeys(chromedp.CSS("#q-pin"), "1111"))
	other.Submit(`[data-testid="pin-send"]`)
	if msg := other.Text(`[data-testid="error-pin"]`); msg == "" || strings.Contains(other.HTML(), "river walk") {
		t.Fatalf("a wrong PIN: message %q, or the entry shows", msg)
	}
	fits(t, other, "a wrong PIN")
	other.Do(chromedp.SendKeys(chromedp.CSS("#q-pin"), "4826"))
	other.Submit(`[data-testid="pin-send"]`)
	if !strings.Contains(other.Text(`[data-testid="earlier-entry"]`), "river walk") {
		t.Fatal("the right PIN does not open the earlier entry")
	}
	fits(t, other, "the earlier entries")
}
