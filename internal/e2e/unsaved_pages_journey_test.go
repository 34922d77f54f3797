package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyTypingOnPagesWithSeveralFormsIsNeverLost: on the goal page (a reading, then a
// change of status) and the client page (a risk review note, then a change of the client's
// status), sending one form while another holds unsaved typing first asks to leave; staying
// keeps the typing. Each form posts only its own fields, so with no script each works alone.
func TestJourneyTypingOnPagesWithSeveralFormsIsNeverLost(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	rec := seedRecord(t, app, practice.ID, me.ID)
	seedOverview(t, app, practice.ID, me.ID, rec) // an open risk flag among the rest
	client := app.HTTP.URL + "/clients/" + strconv.FormatInt(rec.client, 10)
	b := NewBrowser(t)
	signIn(b, app.HTTP.URL, me.Email, password)
	d := &leaveWarnings{}
	d.watch(b)

	steps := []struct {
		name, url, field, typed, other string
	}{
		{"goal page", client + "/goals/" + strconv.FormatInt(rec.goal, 10), "#f-note", "After the party on Saturday",
			`[data-testid="goal-status-form"] button[type="submit"]`},
		{"client page", client, `textarea[name="review_note"]`, "Safety plan agreed; crisis numbers given",
			`form[action$="/status"] button[type="submit"]`},
	}
	want := 0 // warnings so far
	for _, s := range steps {
		b.Do(chromedp.Navigate(s.url))
		if n := b.EvalInt(`document.querySelectorAll('main form[method="post"]').length`); n < 2 {
			t.Fatalf("%s: %d forms; the test needs a page with several", s.name, n)
		}
		b.Do(chromedp.SendKeys(chromedp.CSS(s.field), s.typed))
		b.Do(chromedp.Click(chromedp.CSS(s.other)))
		want++
		waitFor(t, func() bool { return d.count() == want })
		if kinds := d.kinds(); kinds[want-1] != string(page.DialogTypeBeforeunload) {
			t.Fatalf("%s: sending another form with unsaved typing showed %v; want a leave-page warning", s.name, kinds)
		}
		if got := b.Value(s.field); got != s.typed || !strings.HasPrefix(b.Location(), s.url) {
			t.Fatalf("%s: after choosing to stay: at %s with %q typed; want the same page with the typing kept", s.name, b.Location(), got)
		}
		// Leaving with the typing still unsaved warns once more; this time leave.
		d.setLeave(true)
		b.Do(chromedp.Navigate(app.HTTP.URL + "/clients"))
		want++
		waitFor(t, func() bool { return d.count() == want })
		d.setLeave(false)
	}
	// A page whose only typing was sent leaves freely.
	b.Do(chromedp.Navigate(client + "/goals/" + strconv.FormatInt(rec.goal, 10)))
	b.Do(chromedp.Navigate(client))
	if kinds := d.kinds(); len(kinds) != want {
		t.Fatalf("leaving a page with nothing typed warned: %v", kinds)
	}
}

func (d *leaveWarnings) setLeave(leave bool) {
	d.mu.Lock()
	d.leave = leave
	d.mu.Unlock()
}
