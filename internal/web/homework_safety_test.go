package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/testutil"
)

// formKeys reads the hidden keys of the client form.
func formKeys(t *testing.T, body string) (key, linkID string) {
	t.Helper()
	k := regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
	l := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(body)
	if k == nil || l == nil {
		t.Fatal("the client form lacks its hidden keys")
	}
	return k[1], l[1]
}

func assertNeutral(t *testing.T, what string, res *testutil.Response) {
	t.Helper()
	low := strings.ToLower(res.Body)
	for _, banned := range []string{"secure base", "counsel", "therap", "practice", "sign out", "/clients"} {
		if strings.Contains(low, banned) {
			t.Errorf("%s mentions %q", what, banned)
		}
	}
	if res.Header.Get("X-Robots-Tag") != "noindex, nofollow" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("%s lacks the client headers", what)
	}
	assertNoRevealingWord(t, what, res.Body)
}

func TestAFormFromAnotherLinkInTheSameBrowserIsNotFiledUnderTheWrongAssignment(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, first := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	openLink(t, c, first)
	key, linkID := formKeys(t, c.Get("/h").Body)
	openLink(t, c, issueByForm(t, f)) // another tab, a newer link
	res := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)},
		"action": {"submit"}, "q1": {"3"}, "q2": {"1"}, "q3": {"2"}})
	if res.Status != 409 || !strings.Contains(res.Body, "Another form is open") {
		t.Fatalf("posting the first form after opening the second: status %d", res.Status)
	}
	assertNeutral(t, "the other-form page", res)
	var n int
	_ = f.app.DB.App.Get(&n, `SELECT count(*) FROM homework_entries`)
	if n != 0 {
		t.Fatalf("%d entries filed", n)
	}
}

func TestAClosedSessionOrExpiredFormShowsTheTypedTextBackOnANeutralPage(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	openLink(t, c, token)
	key, linkID := formKeys(t, c.Get("/h").Body)
	answer := url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)}, "action": {"submit"},
		"q1": {"3"}, "q2": {"1"}}

	// The session is gone (another device, cookies cleared): the typed text comes back.
	gone := f.app.Browser()
	gone.Get("/h/" + token) // picks up a CSRF token, no session
	withWords := url.Values{}
	for k, v := range answer {
		withWords[k] = v
	}
	withWords.Set("note_words", "I noticed I wanted to ask three times")
	res := gone.Post("/h/entry", withWords)
	if res.Status != 410 || !strings.Contains(res.Body, "This page closed") || !strings.Contains(res.Body, "I noticed I wanted to ask three times") {
		t.Fatalf("no session: status %d", res.Status)
	}
	assertNeutral(t, "the closed-session page", res)

	// A refused CSRF token on a client page: neutral, and the text comes back too.
	res = c.PostRaw("/h/entry", withWords)
	if res.Status != 403 || !strings.Contains(res.Body, "I noticed I wanted to ask three times") {
		t.Fatalf("CSRF refusal on /h/entry: status %d", res.Status)
	}
	assertNeutral(t, "the CSRF page", res)

	// The link is revoked while the form is open.
	f.counsellor.Post(f.path("/link/revoke"), nil)
	res = c.Post("/h/entry", withWords)
	if res.Status != 404 || !strings.Contains(res.Body, "I noticed I wanted to ask three times") {
		t.Fatalf("revoked while typing: status %d", res.Status)
	}
	assertNeutral(t, "the revoked page", res)
}

func TestRateLimitedAndUnknownClientPagesStayNeutral(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 1, 3 })
	c := app.Browser()
	var last *testutil.Response
	for i := 0; i < 10; i++ {
		last = c.Get("/h/" + strings.Repeat("C", 43))
	}
	if last.Status != 429 {
		t.Fatalf("status %d, want 429", last.Status)
	}
	assertNeutral(t, "the 429 client page", last)
	other := app.Browser()
	res := other.Do(http.MethodPost, "/h/"+strings.Repeat("C", 43), nil, nil)
	assertNeutral(t, "a POST to a token path", res)
}

func TestSameKeyWithDifferentAnswersIsRefusedNotSilentlyDropped(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	openLink(t, c, token)
	key, linkID := formKeys(t, c.Get("/h").Body)
	send := func(n string) *testutil.Response {
		return c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)},
			"action": {"submit"}, "q1": {n}, "q2": {"1"}})
	}
	if res := send("3"); res.Status != 303 {
		t.Fatalf("first: %d", res.Status)
	}
	res := send("5") // back button, an edit, Send again
	if res.Status != 409 || !strings.Contains(res.Body, `value="5"`) || !strings.Contains(res.Body, "already sent") {
		t.Fatalf("changed answers under the same key: status %d", res.Status)
	}
}

func TestFirstSubmissionsRacingForOneDayMakeOneEntry(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	openLink(t, c, token)
	key, linkID := formKeys(t, c.Get("/h").Body)
	form := url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)}, "action": {"submit"},
		"q1": {"3"}, "q2": {"1"}}
	var wg sync.WaitGroup
	statuses := make([]int, 24)
	for i := range statuses {
		wg.Add(1)
		go func(i int) { defer wg.Done(); statuses[i] = c.Post("/h/entry", form).Status }(i)
	}
	wg.Wait()
	for _, s := range statuses {
		if s != 303 {
			t.Fatalf("racing first submissions: %v, want all 303", statuses)
		}
	}
	var n int
	_ = f.app.DB.App.Get(&n, `SELECT count(*) FROM homework_entries`)
	if n != 1 {
		t.Fatalf("%d entries, want 1", n)
	}
}

func TestAClientLinkLivesSixtyDaysAndOpensHomeworkPastItsDueDate(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	var expires time.Time
	if err := f.app.DB.App.Get(&expires, `SELECT expires_at FROM client_links WHERE revoked_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	today, _ := time.ParseInLocation("2006-01-02", daysFromNow(0), london)
	if want := today.AddDate(0, 0, 61); !expires.Equal(want) {
		t.Fatalf("link expires %s, want the end of the day 60 days from today (%s)", expires.In(london), want)
	}
	if res := openLink(t, f.app.Browser(), token); res.Status != 303 {
		t.Fatalf("the link: %d", res.Status)
	}
}

func TestDischargedClientsGetNoNewHomeworkOrLinks(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	assignment, _ := assignByForm(t, f, dailyTally())
	f.counsellor.Post(f.path("/status"), url.Values{"action": {"discharge"}})
	if res := f.counsellor.Post(f.path("/link"), url.Values{"replace": {"yes"}}); res.Status != 303 || res.Location != f.path("") {
		t.Fatalf("re-issue after discharge: status %d to %q", res.Status, res.Location)
	}
	mustContain(t, "assignment page", f.counsellor.Get(assignment).Body, "Revoked")
	if res := f.counsellor.Post(f.path("/homework"), dailyTally()); res.Status != 303 {
		t.Fatalf("assign after discharge: status %d", res.Status)
	}
	var live, assignments int
	_ = f.app.DB.App.Get(&live, `SELECT count(*) FROM client_links WHERE revoked_at IS NULL`)
	_ = f.app.DB.App.Get(&assignments, `SELECT count(*) FROM assignments`)
	if live != 0 || assignments != 1 {
		t.Fatalf("after discharge: %d live links, %d assignments", live, assignments)
	}
}

func TestAssigningTheSameFormTwiceAssignsOnce(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := dailyTally()
	first := f.counsellor.Post(f.path("/homework"), form)
	second := f.counsellor.Post(f.path("/homework"), form) // a refresh or a double click
	if first.Status != 303 || second.Status != 303 || !strings.Contains(second.Location, "/homework/") {
		t.Fatalf("statuses %d and %d (location %q)", first.Status, second.Status, second.Location)
	}
	var n int
	_ = f.app.DB.App.Get(&n, `SELECT count(*) FROM assignments`)
	if n != 1 {
		t.Fatalf("%d assignments, want 1", n)
	}
}

func TestHomeworkBeforeItsStartDateIsNotOpenYet(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := dailyTally()
	form.Set("start_date", daysFromNow(3))
	form.Set("due_date", daysFromNow(6))
	_, token := assignByForm(t, f, form)
	c := f.app.Browser()
	openLink(t, c, token)
	page := c.Get("/h")
	if !strings.Contains(page.Body, `data-testid="opens-on"`) || strings.Contains(page.Body, `data-testid="entry-form"`) {
		t.Fatal("a form that starts in three days is open now")
	}
}
