package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// hostile is text a user might type that a browser would run if it reached a page as markup:
// a script, an image with an event handler, a break-out of a quoted attribute, quotes and an
// ampersand. The marker names the field, so that each field is found on its own.
func hostile(marker string) string {
	return `<script>alert("` + marker + `")</script><img src=x onerror=alert(1)>" onfocus=alert(2) x="'&`
}

// hostileShort is the script alone, for fields of 40 characters or fewer.
func hostileShort(marker string) string { return `<script>alert("` + marker + `")</script>` }

// formulaPrefix starts the last name, so that the identified export must neutralise it too.
const formulaPrefix = `=1+1`

// escaped is how the script of a marker reads in a page once escaped, by html/template and by
// the chart's SVG writer alike.
func escaped(marker string) string {
	return `&lt;script&gt;alert(&#34;` + marker + `&#34;)&lt;/script&gt;`
}

// rawMarkup are signs that hostile text reached a page as markup, or was escaped twice (and
// so shows the reader entities instead of what was typed).
var rawMarkup = []string{`<script>alert(`, `<img src=x`, `onerror=alert(1)>`, `" onfocus=alert(2)`, `&amp;lt;script`, `&amp;#34;`}

// escapeCase is a practice where every free-text field a user can type holds hostile text.
type escapeCase struct {
	app        *testutil.App
	practice   store.Practice
	admin      *testutil.Browser
	counsellor *testutil.Browser
	supervisor *testutil.Browser
	homework   *testutil.Browser // a client holding the homework link's session
	checkin    *testutil.Browser // a client holding the check-in link's session
	refused    []string          // fields whose forms refuse markup characters outright
	ids        caseIDs
}

// caseIDs are the ids the sweep puts into the routes, and the homework link's token.
type caseIDs struct {
	client, goal, appointment, flag, assignment, entry, checkin, template, marker string

	homeworkToken string
}

func (e *escapeCase) clientPath(suffix string) string { return "/clients/" + e.ids.client + suffix }

// checkResponse fails the test when a response shows hostile text as markup, has an HTML content type
// other than UTF-8 HTML, or reflects the payload in anything that is not HTML or an attachment.
func checkResponse(t *testing.T, what string, res *testutil.Response) {
	t.Helper()
	ct := res.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "text/html"):
		if !strings.EqualFold(ct, "text/html; charset=utf-8") {
			t.Errorf("%s: Content-Type %q, want text/html; charset=utf-8", what, ct)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no X-Content-Type-Options: nosniff", what)
		}
		for _, raw := range rawMarkup {
			if i := strings.Index(res.Body, raw); i >= 0 {
				t.Errorf("%s shows %q unescaped: …%s…", what, raw, res.Body[max(0, i-120):min(len(res.Body), i+80)])
			}
		}
	case strings.HasPrefix(ct, "text/csv"):
		// CSV is not HTML: the text stays as typed, but only as a download a browser never renders.
		if !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: a CSV that is not a nosniff attachment (%q)", what, res.Header.Get("Content-Disposition"))
		}
	default:
		if strings.Contains(res.Body, "alert(") {
			t.Errorf("%s: %q response reflects hostile text", what, ct)
		}
	}
	if strings.ContainsAny(res.Location, `<>"`) {
		t.Errorf("%s: redirect to %q", what, res.Location)
	}
}

// post submits a form, checks the response, and fails unless the status is want. Like a
// browser, it follows a redirect, and checks the page (with its flash) too.
func (e *escapeCase) post(t *testing.T, c *testutil.Browser, path string, form url.Values, want int) *testutil.Response {
	t.Helper()
	res := c.Post(path, form)
	checkResponse(t, "POST "+path, res)
	if res.Status != want {
		t.Fatalf("POST %s: status %d, want %d; errors %v", path, res.Status, want, fieldErrors(res.Body))
	}
	if res.Status == 303 && strings.HasPrefix(res.Location, "/") {
		checkResponse(t, "GET "+res.Location+" after POST "+path, c.Get(res.Location))
	}
	return res
}

// rerender submits a form that fails on another field and checks that the page it comes back
// with keeps the typed hostile text, as text.
func (e *escapeCase) rerender(t *testing.T, c *testutil.Browser, path string, form url.Values, marker string) {
	t.Helper()
	res := c.Post(path, form)
	checkResponse(t, "POST "+path+" refused", res)
	if res.Status != 422 {
		t.Fatalf("POST %s: status %d, want 422", path, res.Status)
	}
	if !strings.Contains(res.Body, escaped(marker)) {
		t.Errorf("POST %s refused: the typed %s is not shown back as escaped text", path, marker)
	}
}

// refuse submits a form that must be refused because a field will not take markup, and notes it.
func (e *escapeCase) refuse(t *testing.T, c *testutil.Browser, path string, form url.Values, field string) {
	t.Helper()
	res := c.Post(path, form)
	checkResponse(t, "POST "+path+" with markup in "+field, res)
	if res.Status != 422 || fieldError(res.Body, field) == "" {
		t.Fatalf("POST %s with markup in %s: status %d, errors %v; want it refused beside the field", path, field, res.Status, fieldErrors(res.Body))
	}
	e.refused = append(e.refused, path+" "+field)
}

func lastPathPart(p string) string { return p[strings.LastIndex(p, "/")+1:] }

func (e *escapeCase) scalar(t *testing.T, query string, args ...any) string {
	t.Helper()
	var s string
	if err := e.app.DB.App.Get(&s, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

// newEscapeCase seeds the practice through the real forms wherever a form exists: the practice
// name has none (it is set when the installation is made), so it goes through the store.
func newEscapeCase(t *testing.T) *escapeCase {
	t.Helper()
	ctx := context.Background()
	app := testutil.NewApp(t)
	practice, err := app.Store.CreatePractice(ctx, hostile("practice_name"))
	if err != nil {
		t.Fatal(err)
	}
	e := &escapeCase{app: app, practice: practice}
	e.admin, _ = app.SignedIn(practice.ID, store.RoleAdmin)
	var supervisor store.User
	e.supervisor, supervisor = app.SignedIn(practice.ID, store.RoleSupervisor)

	// Staff: the counsellor's display name through the admin's form.
	e.admin.Get("/admin/users/new")
	const password = "a long enough passphrase for tests"
	e.refuse(t, e.admin, "/admin/users", url.Values{"display_name": {"x"}, "email": {hostile("email")}, "role": {"counsellor"}}, "email")
	e.post(t, e.admin, "/admin/users", url.Values{"display_name": {hostile("counsellor_name")}, "email": {"escape@test.example"},
		"role": {"counsellor"}, "password": {password}}, 303)
	e.counsellor = app.Browser()
	if res := e.counsellor.Login("escape@test.example", password); res.Status != 303 || res.Location != "/" {
		t.Fatalf("the new counsellor cannot sign in: %d %q", res.Status, res.Location)
	}
	counsellorID := e.scalar(t, `SELECT id::text FROM users WHERE email = 'escape@test.example'`)
	e.post(t, e.admin, "/admin/supervision", url.Values{"supervisor_id": {itoa(supervisor.ID)}, "counsellor_id": {counsellorID}}, 303)
	e.post(t, e.admin, "/admin/practice", url.Values{"time_zone": {"Europe/London"}, "name_on_client_pages": {"true"}, "retention_years": {"0"}}, 303)
	e.admin.Get("/admin/markers")
	e.post(t, e.admin, "/admin/markers", url.Values{"id": {"0"}, "label": {hostile("marker_label")}, "client_label": {hostile("marker_label")}}, 303)
	e.ids.marker = e.scalar(t, `SELECT id::text FROM markers WHERE practice_id = $1 AND label LIKE '<script>%'`, practice.ID)

	// The client, with safe-contact details; email and phone refuse markup.
	client := url.Values{"first_name": {hostile("first_name")}, "last_name": {formulaPrefix + hostile("last_name")},
		"preferred_name": {hostile("preferred_name")}, "pronouns": {hostileShort("pronouns")}, "format": {"individual"},
		"contact_method": {"neither"}, "safe_contact_note": {hostile("safe_contact_note")}}
	e.counsellor.Get("/clients/new")
	withEmail, withPhone := cloneValues(client), cloneValues(client)
	withEmail.Set("email", hostile("client_email"))
	e.refuse(t, e.counsellor, "/clients", withEmail, "email")
	withPhone.Set("phone", hostileShort("p"))
	e.refuse(t, e.counsellor, "/clients", withPhone, "phone")
	noFirst := cloneValues(client)
	noFirst.Del("first_name")
	e.rerender(t, e.counsellor, "/clients", noFirst, "safe_contact_note")
	e.ids.client = lastPathPart(e.post(t, e.counsellor, "/clients", client, 303).Location)

	e.seedIntake(t)
	e.seedCasework(t)
	e.seedHomework(t)
	e.seedCheckin(t)
	return e
}

// intakeTexts are the free-text fields of each intake section, saved in this order.
var intakeTexts = []struct {
	section string
	fields  []string
}{
	{"concerns", []string{"concerns_own_words"}},
	{"relationship", []string{"relationship_history", "client_checking", "partner_checking", "onset", "course"}},
	{"history", []string{"family_history", "attachment_history"}},
	{"beliefs", []string{"core_beliefs_own_words", "triggers"}},
	{"wider", []string{"co_occurring_notes", "previous_therapy", "medical_notes", "substance_use", "social_supports", "strengths"}},
	{"plan", []string{"hopes"}},
	{"risk", []string{"risk_self_harm_notes", "risk_to_others_notes", "risk_ipv_notes", "risk_substance_notes", "risk_own_control_notes", "safety_plan"}},
}

func (e *escapeCase) seedIntake(t *testing.T) {
	t.Helper()
	e.counsellor.Get(e.clientPath("/intake"))
	for i, sec := range intakeTexts {
		form := url.Values{"base_version": {itoa(int64(i))}}
		for _, f := range sec.fields {
			form.Set(f, hostile(f))
		}
		if sec.section == "risk" { // a raised risk, so that a flag is opened and then reviewed
			form.Set("risk_self_harm", "none")
			form.Set("risk_to_others", "none")
			form.Set("risk_ipv", "serious")
			form.Set("risk_substance", "none")
			form.Set("risk_own_control", "none")
			form.Set("overall_risk", "high")
		}
		if sec.section == "risk" { // a raised risk needs a safety plan: refused, and the notes come back
			noPlan := cloneValues(form)
			noPlan.Del("safety_plan")
			e.rerender(t, e.counsellor, e.clientPath("/intake/risk"), noPlan, "risk_ipv_notes")
		}
		e.post(t, e.counsellor, e.clientPath("/intake/"+sec.section), form, 303)
	}
	e.ids.flag = e.scalar(t, `SELECT id::text FROM risk_flags WHERE client_id = $1`, e.ids.client)
	e.counsellor.Get(e.clientPath(""))
	e.post(t, e.counsellor, e.clientPath("/risk-flags/"+e.ids.flag+"/clear"), url.Values{"review_note": {hostile("review_note")}}, 303)
}

// goalTexts are the goal form's free-text fields.
var goalTexts = []string{"statement", "what", "where", "with_whom", "metric", "unit", "measure_how", "measure_often", "steps", "supports"}

func (e *escapeCase) seedCasework(t *testing.T) {
	t.Helper()
	e.counsellor.Get(e.clientPath("/appointments/new"))
	e.rerender(t, e.counsellor, e.clientPath("/appointments"), url.Values{"date": {"someday"}, "time": {"10:00"}, "duration": {"50"},
		"status": {"scheduled"}, "format": {"individual"}, "note": {hostile("appointment_note")}}, "appointment_note")
	e.post(t, e.counsellor, e.clientPath("/appointments"), url.Values{"date": {daysFromNow(1)}, "time": {"10:00"}, "duration": {"50"},
		"status": {"scheduled"}, "format": {"individual"}, "note": {hostile("appointment_note")}}, 303)
	e.ids.appointment = e.scalar(t, `SELECT id::text FROM appointments WHERE client_id = $1`, e.ids.client)

	goal := completeGoalForm()
	for _, f := range goalTexts {
		goal.Set(f, hostile("goal_"+f))
	}
	e.counsellor.Get(e.clientPath("/goals/new"))
	badGoal := cloneValues(goal)
	badGoal.Set("target_date", "2026-02-30")
	e.rerender(t, e.counsellor, e.clientPath("/goals"), badGoal, "goal_steps")
	goalURL := e.post(t, e.counsellor, e.clientPath("/goals"), goal, 303).Location
	e.ids.goal = lastPathPart(goalURL)
	e.post(t, e.counsellor, goalURL+"/status", url.Values{"to": {"active"}}, 303)
	e.rerender(t, e.counsellor, goalURL+"/readings", url.Values{"reading_date": {"someday"}, "value": {"6"}, "note": {hostile("reading_note")}}, "reading_note")
	e.post(t, e.counsellor, goalURL+"/readings", url.Values{"reading_date": {daysFromNow(-2)}, "value": {"6"}, "note": {hostile("reading_note")}}, 303)

	e.counsellor.Get(e.clientPath("/progress"))
	e.post(t, e.counsellor, e.clientPath("/progress"), url.Values{"day": {daysFromNow(-7)}, "m_" + e.ids.marker: {"4"}}, 303)
	e.post(t, e.counsellor, e.clientPath("/progress"), url.Values{"day": {daysFromNow(0)}, "m_" + e.ids.marker: {"6"}}, 303)
	e.rerender(t, e.counsellor, e.clientPath("/events"), url.Values{"note_day": {"someday"}, "note_text": {hostile("event_note")}}, "event_note")
	e.post(t, e.counsellor, e.clientPath("/events"), url.Values{"note_day": {daysFromNow(-3)}, "note_text": {hostile("event_note")}}, 303)
}

// templateForm is a practice template whose every text is hostile: a short and a long text
// question (answered with hostile text by the client) and a choice with hostile labels.
func templateForm() url.Values {
	return url.Values{"title": {hostile("template_title")}, "purpose": {hostile("template_purpose")},
		"instructions": {hostile("template_instructions")},
		"field_0_key":  {"short"}, "field_0_label": {hostile("label_short")}, "field_0_help": {hostile("help_short")}, "field_0_type": {"short_text"},
		"field_1_key": {"long"}, "field_1_label": {hostile("label_long")}, "field_1_type": {"long_text"},
		"field_2_key": {"pick"}, "field_2_label": {hostile("label_pick")}, "field_2_type": {"single_choice"},
		"field_2_choices": {hostile("choice_one") + "\n" + hostile("choice_two")}}
}

func (e *escapeCase) seedHomework(t *testing.T) {
	t.Helper()
	e.counsellor.Get("/homework/templates/new")
	bad := templateForm()
	bad.Set("field_0_key", hostileShort("k"))
	e.refuse(t, e.counsellor, "/homework/templates", bad, "field_0_key")
	e.post(t, e.counsellor, "/homework/templates", templateForm(), 303)
	e.ids.template = e.scalar(t, `SELECT id::text FROM homework_templates WHERE practice_id = $1`, e.practice.ID)

	e.counsellor.Get(e.clientPath("/homework/new"))
	res := e.post(t, e.counsellor, e.clientPath("/homework"), url.Values{"template": {"practice:" + e.ids.template},
		"instructions": {hostile("assignment_instructions")}, "start_date": {daysFromNow(-1)}, "due_date": {daysFromNow(5)},
		"cadence": {"daily"}, "request_key": {newKey()}}, 303) // daily: still due after one entry, so /h keeps showing it
	checkResponse(t, "the assignment", res)
	if res := e.counsellor.Post(e.clientPath("/link"), url.Values{"replace": {"yes"}}); res.Status != 303 {
		t.Fatalf("issue the link: %d", res.Status)
	}
	shown := e.counsellor.Get(e.clientPath("/link"))
	checkResponse(t, "the link page", shown)
	m := linkPattern.FindStringSubmatch(shown.Body)
	if m == nil {
		t.Fatal("the new link is not shown")
	}
	e.ids.homeworkToken = m[1] + m[2]
	e.ids.assignment = e.scalar(t, `SELECT id::text FROM assignments WHERE client_id = $1`, e.ids.client)

	e.homework = e.app.Browser()
	if res := openLink(t, e.homework, e.ids.homeworkToken); res.Status != 303 {
		t.Fatalf("open the homework link: %d", res.Status)
	}
	page := e.homework.Get("/h")
	checkResponse(t, "the client's homework form", page)
	for _, m := range []string{"practice_name", "preferred_name", "template_title", "assignment_instructions", "label_short", "help_short",
		"label_long", "label_pick", "choice_one", "choice_two"} {
		if !strings.Contains(page.Body, escaped(m)) {
			t.Errorf("the client's homework form does not show %s as escaped text", m)
		}
	}
	// A PIN first: the entries sent after it are what /h/earlier shows once it is entered.
	e.post(t, e.homework, "/h/earlier", url.Values{"pin": {"2468"}}, 303)
	key, linkID := formKeys(t, page.Body)
	pick := regexp.MustCompile(`name="q3"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="q3"`).FindStringSubmatch(page.Body)
	if pick == nil {
		t.Fatal("the choice question has no options")
	}
	e.post(t, e.homework, "/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)},
		"action": {"submit"}, "q1": {hostile("answer_short")}, "q2": {hostile("answer_long")}, "q3": {pick[1] + pick[2]}}, 303)
	e.ids.entry = e.scalar(t, `SELECT id::text FROM homework_entries WHERE client_id = $1`, e.ids.client)
	assignment := e.clientPath("/homework/" + e.ids.assignment)
	e.counsellor.Get(assignment)
	e.post(t, e.counsellor, assignment+"/entries/"+e.ids.entry+"/review", url.Values{"reply": {hostile("counsellor_reply")}}, 303)
}

func (e *escapeCase) seedCheckin(t *testing.T) {
	t.Helper()
	e.counsellor.Get(e.clientPath("/progress"))
	e.post(t, e.counsellor, e.clientPath("/checkins"), url.Values{"ck_markers": {"true"}, "ck_due": {daysFromNow(3)},
		"request_key": {newKey()}}, 303)
	e.ids.checkin = e.scalar(t, `SELECT id::text FROM checkins WHERE client_id = $1`, e.ids.client)
	e.checkin = e.app.Browser() // the client's one link now shows the check-in
	if res := openLink(t, e.checkin, e.ids.homeworkToken); res.Status != 303 {
		t.Fatalf("open the check-in link: %d", res.Status)
	}
}
