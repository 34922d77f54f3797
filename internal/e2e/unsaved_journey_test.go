package e2e

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// leaveWarnings records the leave-page warnings a browser shows, and answers each one: stay
// on the page (false) or leave (true).
type leaveWarnings struct {
	mu    sync.Mutex
	seen  []string
	leave bool
}

func (d *leaveWarnings) watch(b *Browser) {
	events := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.seen = append(d.seen, string(ev.Type))
			leave := d.leave
			d.mu.Unlock()
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: leave})
		}
	}()
}

func (d *leaveWarnings) count() int { return len(d.kinds()) }

// kinds are the types of the dialogues shown so far.
func (d *leaveWarnings) kinds() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.seen...)
}

// TestJourneyTypingInTheIntakeIsNeverLost: each intake section is a page of its own with
// one form, so saving one section cannot drop what was typed in another; leaving a section
// with unsaved typing asks first, and staying keeps the typing; a saved section leaves freely.
func TestJourneyTypingInTheIntakeIsNeverLost(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	rec := seedRecord(t, app, practice.ID, me.ID)
	intake := app.HTTP.URL + "/clients/" + strconv.FormatInt(rec.client, 10) + "/intake"
	b := NewBrowser(t)
	signIn(b, app.HTTP.URL, me.Email, password)

	// The whole intake is read-only: no section's form can be saved from it.
	b.Do(chromedp.Navigate(intake))
	if n := b.EvalInt(`document.querySelectorAll('main form[action*="/intake/"]').length`); n != 0 {
		t.Fatalf("the whole intake holds %d section forms; want none (each section edits on its own page)", n)
	}
	b.Do(chromedp.Click(chromedp.CSS(`[data-testid="edit-history"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid="intake-history"]`)))
	if n := b.EvalInt(`document.querySelectorAll('main form[method="post"]').length`); n != 1 {
		t.Fatalf("a section's page holds %d forms; want its own alone", n)
	}

	d := &leaveWarnings{}
	d.watch(b)
	typed := "Mother often away for weeks at a time"
	b.Do(chromedp.SendKeys(chromedp.CSS("#f-family_history"), typed))
	b.Do(chromedp.Click(chromedp.CSS(`nav.section-nav a[href$="/intake/wider"]`)))
	waitFor(t, func() bool { return d.count() == 1 })
	if kinds := d.kinds(); kinds[0] != string(page.DialogTypeBeforeunload) {
		t.Fatalf("leaving with unsaved typing showed %v; want a leave-page warning", kinds)
	}
	if got := b.Value("#f-family_history"); got != typed || !strings.HasSuffix(b.Location(), "/intake/history") {
		t.Fatalf("after choosing to stay: at %s with %q typed; want the history section with the typing kept", b.Location(), got)
	}

	b.Submit(`[data-testid="intake-history"] button[type="submit"]`)
	if flash := b.Text(`[data-testid="flash"]`); !strings.Contains(flash, "Saved as version") {
		t.Fatalf("after saving the section: %q", flash)
	}
	if got := b.Value("#f-family_history"); got != typed {
		t.Fatalf("the whole intake shows family history %q; want the saved typing", got)
	}
	b.Do(chromedp.Click(chromedp.CSS(`[data-testid="edit-wider"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid="intake-wider"]`)))
	b.Do(chromedp.Navigate(intake))
	if kinds := d.kinds(); len(kinds) != 1 {
		t.Fatalf("leaving a section with nothing typed warned: %v", kinds)
	}
}

// waitFor polls cond until it holds; the bound guards against a hang, it measures nothing.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the browser never got there")
}
