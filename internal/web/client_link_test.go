package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/auth"
)

func TestIssuingALinkShowsItOnceAndAReloadKeepsItAlive(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	assignByForm(t, f, dailyTally())
	token := f.tokens[f.client.ID]
	var raw int
	if err := f.app.DB.OpenAsAdmin(t).Get(&raw, `SELECT count(*) FROM sessions WHERE encode(data, 'escape') LIKE '%' || $1 || '%'`, token); err != nil || raw != 0 {
		t.Fatalf("the raw token stays in a session after it was shown (%d, %v)", raw, err)
	}
	reload := f.counsellor.Get(f.path("/link"))
	if strings.Contains(reload.Body, token) || linkPattern.MatchString(reload.Body) {
		t.Fatal("a reload shows the link again")
	}
	mustContain(t, "the reload", reload.Body, `data-testid="link-already-shown"`, "It still works")
	if res := openLink(t, f.app.Browser(), token); res.Status != 303 {
		t.Fatalf("the link after a reload: %d, want it alive", res.Status)
	}

	// Replacing a live link asks first: a plain POST issues nothing.
	ask := f.counsellor.Post(f.path("/link"), nil)
	if ask.Status != 200 || !strings.Contains(ask.Body, `data-testid="link-confirm"`) || linkPattern.MatchString(ask.Body) {
		t.Fatalf("replacing without confirming: status %d", ask.Status)
	}
	var links int
	_ = f.app.DB.App.Get(&links, `SELECT count(*) FROM client_links WHERE client_id = $1`, f.client.ID)
	if links != 1 || !f.linkLive(t, token) {
		t.Fatalf("an unconfirmed replace made links (%d) or killed the live one", links)
	}
	fresh := issueByForm(t, f)
	if f.linkLive(t, token) || !f.linkLive(t, fresh) {
		t.Fatal("the confirmed replace did not end the old link and make a new one")
	}
	if !strings.Contains(f.counsellor.Get(f.path("")).Body, `data-testid="client-link-summary">The client's link works until`) {
		t.Fatal("the client page does not show the live link")
	}
}

func TestOlderLinksKeepWorkingUntilTheCounsellorReplacesThem(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	assignment, _ := f.assign(t, f.client, "daily", nil)
	// A link issued for one assignment before one link per client, as 0013 left it.
	token, hash, _ := auth.NewLinkToken()
	if _, err := f.app.DB.OpenAsAdmin(t).Exec(`UPDATE client_links SET revoked_at = now() WHERE client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.DB.OpenAsAdmin(t).Exec(`INSERT INTO client_links (practice_id, client_id, assignment_id, token_hash, expires_at, created_by)
		VALUES ($1, $2, $3, $4, now() + interval '5 days', $5)`, f.practice.ID, f.client.ID, assignment, hash, f.me.ID); err != nil {
		t.Fatal(err)
	}
	c := f.app.Browser()
	if res := openLink(t, c, token); res.Status != 303 {
		t.Fatalf("an older link: %d", res.Status)
	}
	mustContain(t, "the older link's page", c.Get("/h").Body, `data-testid="entry-form"`, `data-testid="due-count">1 form to fill in`)
	mustContain(t, "the client page", f.counsellor.Get(f.path("")).Body, `data-testid="older-links-note">1 older link`)
	mustContain(t, "the confirm step", f.counsellor.Post(f.path("/link"), nil).Body, `data-testid="link-confirm"`, "1 older link")
	issueByForm(t, f)
	if res := f.app.Browser().Get("/h/" + token); res.Status != 404 {
		t.Fatalf("the older link after the client link was issued: %d, want 404", res.Status)
	}
}

func TestOneLinkListsEveryFormDueOneAtATime(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	first, token := f.assign(t, f.client, "daily", nil)
	second, _ := f.assign(t, f.client, "daily", nil)
	checkin, _, _ := checkinFor(t, f, f.client, "gad7")
	c := f.app.Browser()
	openLink(t, c, token)
	page := c.Get("/h")
	mustContain(t, "the client's page", page.Body, `data-testid="due-count">3 forms to fill in`, `data-testid="checkin-form"`,
		`data-testid="pick-a:`+itoa(first)+`"`, `data-testid="pick-a:`+itoa(second)+`"`)
	if strings.Count(page.Body, "<form method=\"post\" action=\"/h/entry\"") != 0 {
		t.Fatal("more than one form at a time")
	}
	c.Post("/h/pick", url.Values{"item": {"a:" + itoa(second)}})
	mustContain(t, "the chosen form", c.Get("/h").Body, `name="item" value="a:`+itoa(second)+`"`, `data-testid="pick-c:`+itoa(checkin)+`"`)
	// Another client's form cannot be picked or posted to.
	other := f.addClient(t, f.me.ID, "Sam", "Rowe", "")
	theirs, _ := f.assign(t, other, "daily", nil)
	c.Post("/h/pick", url.Values{"item": {"a:" + itoa(theirs)}})
	if strings.Contains(c.Get("/h").Body, `value="a:`+itoa(theirs)+`"`) {
		t.Fatal("another client's form was picked")
	}
	key, linkID := formKeys(t, c.Get("/h").Body)
	if res := c.Post("/h/entry", url.Values{"link_id": {linkID}, "item": {"a:" + itoa(theirs)}, "idempotency_key": {key},
		"entry_date": {daysFromNow(0)}, "action": {"submit"}, "reassurance_requests": {"3"}, "checks": {"1"}}); res.Status != 404 {
		t.Fatalf("posting to another client's form: %d, want 404", res.Status)
	}
}

func TestThePracticeCanAskForThePINBeforeAnyForm(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if res := f.admin.Post("/admin/practice", url.Values{"time_zone": {"Europe/London"}, "retention_years": {"0"},
		"pin_before_forms": {"true"}}); res.Status != 303 {
		t.Fatalf("save the setting: %d", res.Status)
	}
	_, token := f.assign(t, f.client, "daily", nil)
	c := f.app.Browser()
	openLink(t, c, token)
	gate := c.Get("/h")
	mustContain(t, "the gate", gate.Body, `data-testid="pin-form"`, `name="next" value="forms"`)
	if strings.Contains(gate.Body, `data-testid="entry-form"`) {
		t.Fatal("a form opens before the PIN")
	}
	assertNeutral(t, "the PIN gate", gate)
	key, linkID := "0123456789abcdef0123456789abcdef", "0"
	if res := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "action": {"submit"}, "checks": {"1"}}); res.Status != 303 || res.Location != "/h" {
		t.Fatalf("posting a form before the PIN: %d %q", res.Status, res.Location)
	}
	if res := c.Post("/h/earlier", url.Values{"pin": {"2468"}, "next": {"forms"}}); res.Status != 303 || res.Location != "/h" {
		t.Fatalf("choosing the PIN: %d %q", res.Status, res.Location)
	}
	mustContain(t, "after the PIN", c.Get("/h").Body, `data-testid="entry-form"`)

	// A stranger holding the link, once a PIN exists, sees the very same page as before.
	stranger := f.app.Browser()
	openLink(t, stranger, token)
	again := stranger.Get("/h")
	if a, b := deadLinkVariable.ReplaceAllString(gate.Body, "*"), deadLinkVariable.ReplaceAllString(again.Body, "*"); a != b {
		t.Fatalf("the PIN page tells whether a PIN exists:\n%s\n---\n%s", a, b)
	}
	if res := stranger.Post("/h/earlier", url.Values{"pin": {"1111"}, "next": {"forms"}}); res.Status != 422 {
		t.Fatalf("a wrong PIN: %d", res.Status)
	}
	if strings.Contains(stranger.Get("/h").Body, `data-testid="entry-form"`) {
		t.Fatal("a wrong PIN opened the forms")
	}
}
