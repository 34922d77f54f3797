package web_test

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"testing"

	"github.com/securebase/securebase/internal/homework"
)

// wordingForm reads the wording editor's boxes as the page filled them.
func wordingForm(t *testing.T, body string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range regexp.MustCompile(`name="([sc]_\d+)" type="text" value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	if len(v) == 0 {
		t.Fatal("the wording editor has no boxes")
	}
	return v
}

// TestAnAdminEditsBothWordingsOfABuiltIn: the admin's wording of a built-in is what is assigned
// from then on (staff wording on staff pages, the client's on the client's form); a client
// wording with a revealing word is refused; each save and reset is audited; counsellors cannot edit.
func TestAnAdminEditsBothWordingsOfABuiltIn(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if f.counsellor.Get("/admin/wording/reassurance_tally").Status != 403 {
		t.Fatal("a counsellor reached the wording editor")
	}
	mustContain(t, "list", f.admin.Get("/admin/wording").Body, "Reassurance and checking tally", "Daily tally")
	page := f.admin.Get("/admin/wording/reassurance_tally")
	form := wordingForm(t, page.Body)
	if form.Get("s_0") != "Reassurance and checking tally" || form.Get("c_0") != "Daily tally" {
		t.Fatalf("editor title boxes %q %q", form.Get("s_0"), form.Get("c_0"))
	}
	// Question 1's label is the third text (title, purpose, then label and help).
	form.Set("s_2", "Reassurance requests (count)")
	form.Set("c_2", "How often did you seek reassurance today?")
	res := f.admin.Post("/admin/wording/reassurance_tally", form)
	if res.Status != 422 || fieldError(res.Body, "c_2") == "" {
		t.Fatalf("a revealing client wording: %d %v", res.Status, fieldErrors(res.Body))
	}
	form.Set("c_2", "") // empty: the client would read the staff wording, which is revealing
	if res := f.admin.Post("/admin/wording/reassurance_tally", form); res.Status != 422 || fieldError(res.Body, "c_2") == "" {
		t.Fatalf("an empty client wording over revealing staff wording: %d %v", res.Status, fieldErrors(res.Body))
	}
	form.Set("c_2", "How many times did you ask if things were fine?")
	form.Set("c_3", "A best guess is fine.")
	if res := f.admin.Post("/admin/wording/reassurance_tally", form); res.Status != 303 {
		t.Fatalf("save wording: %d %v", res.Status, fieldErrors(res.Body))
	}
	var detail string
	_ = f.app.DB.App.Get(&detail, `SELECT detail FROM audit_log WHERE action = 'wording.save' AND entity_id = 'reassurance_tally'`)
	if detail != "2 texts changed" {
		t.Fatalf("audit detail %q", detail)
	}

	// Assigned from now on: the staff see the new staff wording, the client the new client wording.
	assignment, token := assignByForm(t, f, dailyTally())
	var raw []byte
	_ = f.app.DB.App.Get(&raw, `SELECT template FROM assignments WHERE template_ref = 'builtin:reassurance_tally' ORDER BY id DESC LIMIT 1`)
	var tpl homework.Template
	if err := json.Unmarshal(raw, &tpl); err != nil || tpl.Fields[0].Label != "Reassurance requests (count)" ||
		tpl.Fields[0].ClientLabel != "How many times did you ask if things were fine?" || tpl.Fields[0].Key != "reassurance_requests" {
		t.Fatalf("assigned template %+v (%v)", tpl.Fields, err)
	}
	c := f.app.Browser()
	openLink(t, c, token)
	client := c.Get("/h")
	mustContain(t, "client form", client.Body, "How many times did you ask if things were fine?", "A best guess is fine.")
	assertNeutral(t, "the reworded form", client)
	mustContain(t, "preview", f.counsellor.Get("/homework/templates/preview?ref=builtin:reassurance_tally").Body, "Reassurance requests (count)")
	mustContain(t, "assignment page", f.counsellor.Get(assignment).Body, "Reassurance and checking tally")

	// Reset: the shipped wording again, audited.
	if res := f.admin.Post("/admin/wording/reassurance_tally", url.Values{"action": {"reset"}}); res.Status != 303 {
		t.Fatalf("reset: %d", res.Status)
	}
	mustContain(t, "after reset", f.admin.Get("/admin/wording/reassurance_tally").Body, `value="Times I asked for reassurance"`)
	var resets int
	_ = f.app.DB.App.Get(&resets, `SELECT count(*) FROM audit_log WHERE action = 'wording.reset'`)
	if resets != 1 {
		t.Fatalf("resets audited %d", resets)
	}
	if f.admin.Get("/admin/wording/nope").Status != 404 {
		t.Fatal("an unknown built-in is not a 404")
	}
}
