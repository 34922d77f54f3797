package web_test

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/homework"
)

func TestBuiltInTemplatesAreListedAndPreviewed(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	list := f.counsellor.Get("/homework/templates")
	for _, b := range homework.BuiltIns() {
		if !strings.Contains(list.Body, "preview?ref=builtin%3a"+b.Key) {
			t.Errorf("built-in %s is not listed", b.Key)
		}
	}
	preview := f.counsellor.Get("/homework/templates/preview?ref=builtin:thought_record")
	mustContain(t, "preview", preview.Body, "Thought record", "Cognitive distortions", "Mind-reading", "disabled",
		"Did any of these thinking habits show up?", `name="q5"`)
	if f.counsellor.Get("/homework/templates/preview?ref=builtin:nope").Status != 404 {
		t.Fatal("an unknown template preview is not a 404")
	}
	if f.supervisor.Get("/homework/templates").Status != 403 {
		t.Fatal("a supervisor reached the templates")
	}
}

func customTemplate() url.Values {
	return url.Values{"title": {"Evening wind-down"}, "purpose": {"A calmer end to the day."},
		"field_0_key": {"minutes"}, "field_0_label": {"Minutes spent winding down"}, "field_0_type": {"minutes"}, "field_0_required": {"true"},
		"field_1_key": {"feeling"}, "field_1_label": {"How do you feel now?"}, "field_1_type": {"single_choice"},
		"field_1_choices": {"Calm\nA bit restless\nWired"}}
}

func TestCustomTemplatesAreCheckedSavedAndAssignedAsTheyWere(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	bad := customTemplate()
	bad.Set("field_1_key", "minutes")      // duplicate key
	bad.Set("field_1_choices", "Only one") // too few choices
	bad.Set("field_4_key", "Bad Key")      // a later row with a bad key and no label
	res := f.counsellor.Post("/homework/templates", bad)
	if res.Status != 422 || fieldError(res.Body, "field_1_key") == "" || fieldError(res.Body, "field_1_choices") == "" || fieldError(res.Body, "field_4_key") == "" {
		t.Fatalf("bad template: status %d, errors %v", res.Status, fieldErrors(res.Body))
	}
	if !strings.Contains(res.Body, "Evening wind-down") {
		t.Fatal("typed title lost")
	}
	if res := f.counsellor.Post("/homework/templates", customTemplate()); res.Status != 303 {
		t.Fatalf("save template: %d %v", res.Status, fieldErrors(res.Body))
	}
	var id string
	if err := f.app.DB.App.Get(&id, `SELECT id::text FROM homework_templates WHERE title = 'Evening wind-down'`); err != nil {
		t.Fatal(err)
	}
	form := dailyTally()
	form.Set("template", "practice:"+id)
	assignment, _ := assignByForm(t, f, form)

	// Edit the template; the assignment keeps what the client was asked.
	edit := customTemplate()
	edit.Set("title", "Evening wind-down, revised")
	edit.Set("field_0_label", "Minutes of quiet")
	edit.Set("version", "1")
	if res := f.counsellor.Post("/homework/templates/"+id, edit); res.Status != 303 {
		t.Fatalf("edit: %d %v", res.Status, fieldErrors(res.Body))
	}
	var kept []byte
	if err := f.app.DB.App.Get(&kept, `SELECT template FROM assignments WHERE template_ref = $1`, "practice:"+id); err != nil {
		t.Fatal(err)
	}
	var tpl homework.Template
	if err := json.Unmarshal(kept, &tpl); err != nil || tpl.Title != "Evening wind-down" || tpl.Fields[0].Label != "Minutes spent winding down" {
		t.Fatalf("the assignment's template changed with the edit: %+v (%v)", tpl, err)
	}
	mustContain(t, "assignment page", f.counsellor.Get(assignment).Body, "Evening wind-down")
	// A stale edit is refused, keeping what was typed.
	stale := customTemplate()
	stale.Set("title", "Someone else's title")
	stale.Set("version", "1")
	if res := f.counsellor.Post("/homework/templates/"+id, stale); res.Status != 409 || !strings.Contains(res.Body, "Someone else&#39;s title") {
		t.Fatalf("stale template edit: %d", res.Status)
	}
}

func TestCopyingABuiltInPrefillsTheEditor(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	res := f.counsellor.Get("/homework/templates/new?from=builtin:reassurance_tally")
	mustContain(t, "copy form", res.Body, `value="Copy of Reassurance and checking tally"`, `value="reassurance_requests"`, `value="builtin:reassurance_tally"`)
	if n := len(regexp.MustCompile(`data-testid="row-\d+"`).FindAllString(res.Body, -1)); n != 6 {
		t.Fatalf("editor rows %d, want the 3 fields and 3 empty rows", n)
	}
}

// TestOnlyATemplatesOwnerOrAnAdminEditsIt: another counsellor of the practice uses and copies
// a practice template, but cannot open its editor or change it; an admin can.
func TestOnlyATemplatesOwnerOrAnAdminEditsIt(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if res := f.counsellor.Post("/homework/templates", customTemplate()); res.Status != 303 {
		t.Fatalf("save template: %d %v", res.Status, fieldErrors(res.Body))
	}
	var id string
	if err := f.app.DB.App.Get(&id, `SELECT id::text FROM homework_templates WHERE title = 'Evening wind-down'`); err != nil {
		t.Fatal(err)
	}
	edit := "/homework/templates/" + id + "/edit"
	if !strings.Contains(f.counsellor.Get("/homework/templates").Body, edit) {
		t.Fatal("the owner is not offered Edit")
	}
	list := f.other.Get("/homework/templates").Body
	if strings.Contains(list, edit) || !strings.Contains(list, "/homework/templates/new?from=practice%3a"+id) {
		t.Fatal("another counsellor is offered Edit, or not offered Copy")
	}
	if res := f.other.Get("/homework/templates/preview?ref=practice:" + id); res.Status != 200 {
		t.Fatalf("another counsellor previews: %d", res.Status)
	}
	if res := f.other.Get("/homework/templates/new?from=practice:" + id); res.Status != 200 || !strings.Contains(res.Body, "Evening wind-down") {
		t.Fatalf("another counsellor copies: %d", res.Status)
	}
	if res := f.other.Get(edit); res.Status != 403 {
		t.Fatalf("another counsellor opens the editor: %d, want 403", res.Status)
	}
	changed := customTemplate()
	changed.Set("title", "Rewritten by someone else")
	changed.Set("version", "1")
	if res := f.other.Post("/homework/templates/"+id, changed); res.Status != 403 {
		t.Fatalf("another counsellor saves: %d, want 403", res.Status)
	}
	var title string
	_ = f.app.DB.App.Get(&title, `SELECT title FROM homework_templates WHERE id = $1`, id)
	if title != "Evening wind-down" {
		t.Fatalf("title now %q", title)
	}
	if res := f.admin.Get(edit); res.Status != 200 {
		t.Fatalf("an admin opens the editor: %d", res.Status)
	}
	changed.Set("title", "Evening wind-down (admin)")
	if res := f.admin.Post("/homework/templates/"+id, changed); res.Status != 303 {
		t.Fatalf("an admin saves: %d %v", res.Status, fieldErrors(res.Body))
	}
}

// TestCustomTemplateClientWordingWarnsOfRevealingWords: a counsellor's template has a client
// wording too (empty: the staff wording); what the client would read is checked against the
// revealing words, and a hit is a warning beside the field, kept only when the counsellor says so.
func TestCustomTemplateClientWordingWarnsOfRevealingWords(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := customTemplate()
	form.Set("title", "Jealousy log")
	form.Set("field_0_label", "Minutes spent anxious")
	res := f.counsellor.Post("/homework/templates", form)
	if res.Status != 422 || fieldError(res.Body, "client_title") == "" || fieldError(res.Body, "field_0_client_label") == "" ||
		fieldError(res.Body, "confirm_wording") == "" || !strings.Contains(res.Body, `data-testid="confirm-wording"`) {
		t.Fatalf("revealing staff wording without a client wording: %d %v", res.Status, fieldErrors(res.Body))
	}
	form.Set("client_title", "Evening notes")
	form.Set("field_0_client_label", "Minutes spent winding down")
	form.Set("field_1_client_choices", "Calm\nA bit restless") // one short
	if res := f.counsellor.Post("/homework/templates", form); res.Status != 422 || fieldError(res.Body, "field_1_client_choices") == "" {
		t.Fatalf("client choices that do not match: %d %v", res.Status, fieldErrors(res.Body))
	}
	form.Set("field_1_client_choices", "Settled\nA bit restless\nAll over the place")
	if res := f.counsellor.Post("/homework/templates", form); res.Status != 303 {
		t.Fatalf("neutral client wording: %d %v", res.Status, fieldErrors(res.Body))
	}
	var def []byte
	if err := f.app.DB.App.Get(&def, `SELECT definition FROM homework_templates WHERE title = 'Jealousy log'`); err != nil {
		t.Fatal(err)
	}
	var tpl homework.Template
	if err := json.Unmarshal(def, &tpl); err != nil || tpl.ClientTitle != "Evening notes" || tpl.Fields[0].ClientLabel != "Minutes spent winding down" ||
		tpl.Fields[1].Choices[0].ClientLabel != "Settled" || tpl.Fields[1].Choices[0].Label != "Calm" {
		t.Fatalf("stored %+v (%v)", tpl, err)
	}

	// A client wording with a revealing word is kept only when the box is ticked, and audited so.
	kept := customTemplate()
	kept.Set("title", "Panic diary")
	kept.Set("client_title", "Panic diary")
	if res := f.counsellor.Post("/homework/templates", kept); res.Status != 422 || fieldError(res.Body, "client_title") == "" {
		t.Fatalf("revealing client wording: %d", res.Status)
	}
	kept.Set("confirm_wording", "true")
	if res := f.counsellor.Post("/homework/templates", kept); res.Status != 303 {
		t.Fatalf("revealing client wording, kept: %d %v", res.Status, fieldErrors(res.Body))
	}
	var n int
	_ = f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE action = 'template.create' AND detail LIKE '%revealing%'`)
	if n != 1 {
		t.Fatalf("kept revealing wording audited %d times, want 1", n)
	}

	// The client's form shows the client wording; the counsellor's pages the staff wording.
	var id string
	_ = f.app.DB.App.Get(&id, `SELECT id::text FROM homework_templates WHERE title = 'Jealousy log'`)
	assign := dailyTally()
	assign.Set("template", "practice:"+id)
	assignment, token := assignByForm(t, f, assign)
	c := f.app.Browser()
	openLink(t, c, token)
	page := c.Get("/h")
	mustContain(t, "client form", page.Body, "Minutes spent winding down", "Settled")
	assertNeutral(t, "the custom template's form", page)
	mustContain(t, "assignment page", f.counsellor.Get(assignment).Body, "Jealousy log")
}
