package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/homework"
)

// storedTemplate is the copy of the template an assignment keeps.
func storedTemplate(t *testing.T, f *caseFixture, ref string) []byte {
	t.Helper()
	var raw []byte
	if err := f.app.DB.App.Get(&raw, `SELECT template FROM assignments WHERE template_ref = $1 ORDER BY id DESC LIMIT 1`, ref); err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestAnAssignmentKeepsTheBuiltInVersionItWasGiven: the copy an assignment keeps carries the
// built-in's version and tags, and neither a new wording of the built-in nor hiding it changes
// that copy or what the client's form asks.
func TestAnAssignmentKeepsTheBuiltInVersionItWasGiven(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := dailyTally()
	form.Set("template", "builtin:grounding_pause")
	_, token := assignByForm(t, f, form)
	before := storedTemplate(t, f, "builtin:grounding_pause")
	var tpl homework.Template
	if err := json.Unmarshal(before, &tpl); err != nil {
		t.Fatal(err)
	}
	shipped, _ := homework.BuiltInFor("builtin:grounding_pause")
	if tpl.Version != shipped.Version || tpl.Version < 1 || len(tpl.Tags.Approaches) == 0 || tpl.Fields[0].ClientLabel != "What did you feel pulled to do?" {
		t.Fatalf("the assignment's copy: version %d tags %+v", tpl.Version, tpl.Tags)
	}

	var detail string
	if err := f.app.DB.App.Get(&detail, `SELECT detail FROM audit_log WHERE action = 'assignment.create' ORDER BY id DESC LIMIT 1`); err != nil ||
		detail != fmt.Sprintf("ref=builtin:grounding_pause version=%d", shipped.Version) {
		t.Fatalf("audit detail %q (%v)", detail, err)
	}

	// The practice changes the built-in's definition (its wording), then hides it.
	page := f.admin.Get("/admin/wording/grounding_pause")
	words := wordingForm(t, page.Body)
	words.Set("c_2", "What did you want to do straight away?")
	if res := f.admin.Post("/admin/wording/grounding_pause", words); res.Status != 303 {
		t.Fatalf("reword: %d %v", res.Status, fieldErrors(res.Body))
	}
	if res := f.admin.Post("/admin/wording/grounding_pause/visibility", url.Values{"hidden": {"true"}}); res.Status != 303 {
		t.Fatalf("hide: %d", res.Status)
	}
	if after := storedTemplate(t, f, "builtin:grounding_pause"); !bytes.Equal(before, after) {
		t.Fatalf("the assignment's copy changed:\n%s\n%s", before, after)
	}
	c := f.app.Browser()
	openLink(t, c, token)
	client := c.Get("/h")
	mustContain(t, "client form", client.Body, "What did you feel pulled to do?")
	if strings.Contains(client.Body, "What did you want to do straight away?") {
		t.Fatal("the new wording reached a form already given")
	}
	key, linkID := formKeys(t, client.Body)
	sent := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "action": {"submit"},
		"entry_date": {daysFromNow(0)}, "q1": {"Look at my messages again"}, "q2": {"1"}, "q3": {"7"}})
	if sent.Status != 303 {
		t.Fatalf("an entry to a hidden built-in's homework: %d %s", sent.Status, fieldErrors(sent.Body))
	}
}

// TestAPracticeHidesABuiltInItDoesNotUse: an admin hides a built-in (audited); it leaves the
// library, the picker and what may be assigned, for every counsellor of the practice only;
// showing it brings it back. Counsellors cannot hide built-ins.
func TestAPracticeHidesABuiltInItDoesNotUse(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if res := f.counsellor.Post("/admin/wording/comparison_check/visibility", url.Values{"hidden": {"true"}}); res.Status != 403 {
		t.Fatalf("a counsellor hid a built-in: %d", res.Status)
	}
	if res := f.admin.Post("/admin/wording/nope/visibility", url.Values{"hidden": {"true"}}); res.Status != 404 {
		t.Fatalf("an unknown built-in: %d", res.Status)
	}
	if res := f.admin.Post("/admin/wording/comparison_check/visibility", url.Values{"hidden": {"maybe"}}); res.Status != 400 {
		t.Fatalf("a bad value: %d", res.Status)
	}
	if res := f.admin.Post("/admin/wording/comparison_check/visibility", url.Values{"hidden": {"true"}}); res.Status != 303 {
		t.Fatalf("hide: %d", res.Status)
	}
	mustContain(t, "admin list", f.admin.Get("/admin/wording").Body, `data-testid="show-comparison_check"`)
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'builtin.hide' AND entity_id = 'comparison_check'`,
		f.practice.ID); err != nil || n != 1 {
		t.Fatalf("audit rows %d (%v)", n, err)
	}
	hiddenRef := regexp.MustCompile(`builtin(%3a|:)comparison_check`)
	for _, p := range []string{"/homework/templates", f.path("/homework/new")} {
		if page := f.counsellor.Get(p); page.Status != 200 || hiddenRef.MatchString(page.Body) {
			t.Fatalf("%s still offers the hidden built-in (%d)", p, page.Status)
		}
	}
	if f.other.Get("/homework/templates").Status != 200 || hiddenRef.MatchString(f.other.Get("/homework/templates").Body) {
		t.Fatal("another counsellor of the practice still sees the hidden built-in")
	}
	if f.counsellor.Get("/homework/templates/phone?ref=builtin:comparison_check").Status != 404 {
		t.Fatal("the hidden built-in still previews")
	}
	form := dailyTally()
	form.Set("template", "builtin:comparison_check")
	if res := f.counsellor.Post(f.path("/homework"), form); res.Status != 422 || fieldError(res.Body, "template") == "" {
		t.Fatalf("assigning a hidden built-in: %d", res.Status)
	}
	// Another practice still has it.
	other := f.app.Practice("Elsewhere")
	elsewhere, _ := f.app.SignedIn(other.ID, "counsellor")
	mustContain(t, "another practice's library", elsewhere.Get("/homework/templates").Body, "builtin%3acomparison_check")

	if res := f.admin.Post("/admin/wording/comparison_check/visibility", url.Values{"hidden": {"false"}}); res.Status != 303 {
		t.Fatalf("show: %d", res.Status)
	}
	mustContain(t, "library again", f.counsellor.Get("/homework/templates").Body, "builtin%3acomparison_check")
}
