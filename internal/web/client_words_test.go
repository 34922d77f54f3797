package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// TestNoClientPageShowsARevealingWord renders every client page (the link's landing page,
// every built-in template's form, with and without its messages, a check-in with every default
// marker and both questionnaires, the thanks, the PIN page and its lock, the error pages and the
// dead link) and fails on any word of the wording package's list anywhere in its HTML: the
// visible text, and attribute values (field names and ids, classes, titles, aria labels, hidden
// inputs, the page title, URLs). The questionnaire items
// are the one exception. The client here did not ask for neutral messages, so the
// built-in templates' own titles and purposes show too.
func TestNoClientPageShowsARevealingWord(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	cl, err := f.app.Store.CreateClient(ctx, f.practice.ID, store.ClientInput{CounsellorID: f.me.ID, FirstName: "Rae", LastName: "Lind",
		Format: "individual", ContactMethod: "neither"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for _, b := range homework.BuiltIns() {
		def, _ := json.Marshal(b.Template)
		aid, err := f.app.Store.CreateAssignment(ctx, f.practice.ID, cl.ID, f.me.ID, store.AssignmentInput{
			TemplateRef: "builtin:" + b.Key, Title: b.Template.Title, Template: def, StartDate: today.AddDate(0, 0, -1),
			DueDate: today.AddDate(0, 0, 5), Cadence: "daily", RequestKey: newKey(),
		}, store.AuditEntry{Action: "test.seed"})
		if err != nil {
			t.Fatal(err)
		}
		token := f.clientLink(t, cl)
		c := f.app.Browser()
		landing := c.Get("/h/" + token)
		assertNeutral(t, b.Key+": the landing page", landing)
		c.Post("/h/open", url.Values{"token": {token}})
		c.Get("/h")
		c.Post("/h/pick", url.Values{"item": {"a:" + itoa(aid)}}) // the form of this template
		form := c.Get("/h")
		if form.Status != 200 {
			t.Fatalf("%s: form %d", b.Key, form.Status)
		}
		assertNeutral(t, b.Key+": the form", form)
		mustContain(t, b.Key+": the form", form.Body, `name="q1"`)
		key, linkID := formKeys(t, form.Body)
		empty := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "action": {"submit"},
			"entry_date": {today.Format("2006-01-02")}})
		if empty.Status != 422 {
			t.Fatalf("%s: an empty entry: %d", b.Key, empty.Status)
		}
		assertNeutral(t, b.Key+": the form with its messages", empty)
		assertNeutral(t, b.Key+": a draft's flash", c.Get("/h"))
		assertNeutral(t, b.Key+": the PIN page", c.Get("/h/earlier"))
		assertNeutral(t, b.Key+": a wrong-length PIN", c.Post("/h/earlier", url.Values{"pin": {"1"}}))
		assertNeutral(t, b.Key+": a form from another tab", c.Post("/h/entry", url.Values{"link_id": {"0"}}))
		assertNeutral(t, b.Key+": an unknown field", c.Post("/h/entry", url.Values{"zz": {"1"}}))
		assertNeutral(t, b.Key+": a stale token", c.PostRaw("/h/entry", url.Values{"_csrf": {"stale"}}))
		big := c.Post("/h/entry", url.Values{"q1": {strings.Repeat("x", int(f.app.Config.BodyLimit))}})
		if big.Status != 413 {
			t.Fatalf("%s: a body over the limit: %d", b.Key, big.Status)
		}
		assertNeutral(t, b.Key+": too long", big)
	}

	// A check-in with every default marker and both questionnaires, the thanks after it,
	// and the PIN lock.
	page := f.counsellor.Get(f.path("/progress"))
	key := regexp.MustCompile(`name="request_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page.Body)[1]
	res := f.counsellor.Post(f.path("/checkins"), url.Values{"ck_markers": {"true"}, "ck_measures": {"phq9", "gad7"},
		"ck_due": {daysFromNow(3)}, "request_key": {key}})
	if res.Status != 303 {
		t.Fatalf("create check-in: %d", res.Status)
	}
	c := opened(t, f, issueByForm(t, f))
	checkin := c.Get("/h")
	assertNeutral(t, "the check-in", checkin)
	mustContain(t, "the check-in", checkin.Body, "I enjoy time on my own", "I feel at ease when the people close to me see others")
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(checkin.Body)[1]
	assertNeutral(t, "an incomplete check-in", c.Post("/h/checkin", url.Values{"link_id": {linkID}}))
	answers := phq9(url.Values{"link_id": {linkID}}, "1", "0")
	for i := 1; i <= 7; i++ {
		answers.Set("gad7_"+string(rune('0'+i)), "1")
	}
	for _, id := range markerIDs(t, f) {
		answers.Set("m_"+id, "5")
	}
	if res := c.Post("/h/checkin", answers); res.Status != 303 {
		t.Fatalf("send the check-in: %d %v", res.Status, fieldErrors(res.Body))
	}
	assertNeutral(t, "the thanks", c.Get("/h"))
	c.Post("/h/earlier", url.Values{"pin": {"1234"}})
	stranger := opened(t, f, f.tokens[f.client.ID])
	for i := 0; i < store.MaxPINTries; i++ {
		stranger.Post("/h/earlier", url.Values{"pin": {"9999"}})
	}
	assertNeutral(t, "the PIN lock", stranger.Get("/h/earlier"))

	// Dead links: unknown, malformed, and a quick exit's aftermath.
	anon := f.app.Browser()
	assertNeutral(t, "an unknown link", anon.Get("/h/"+"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
	assertNeutral(t, "a malformed link", anon.Get("/h/nope"))
	assertNeutral(t, "no session", anon.Get("/h"))
	c.Post("/h/exit", nil)
	assertNeutral(t, "after the quick exit", c.Get("/h"))
}
