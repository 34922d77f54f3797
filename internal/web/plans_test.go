package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// The plan form: bad input is refused with a message beside each field and the input kept;
// a good plan is saved with its audit row, its first check-in shows on the client's private
// page at once, and stopping it is audited too. Another counsellor cannot open it.
func TestPlanFormRefusesBadInputBesideTheFieldAndAudits(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	page := f.counsellor.Get(f.path("/plan"))
	if page.Status != 200 || !strings.Contains(page.Body, `data-testid="plan-none"`) {
		t.Fatalf("plan page: %d", page.Status)
	}
	if f.auditCount(t, "plan.view") != 1 {
		t.Fatalf("plan.view audited %d times", f.auditCount(t, "plan.view"))
	}
	if res := f.other.Get(f.path("/plan")); res.Status != 404 {
		t.Fatalf("another counsellor's client's plan: %d", res.Status)
	}
	res := f.counsellor.Post(f.path("/plan"), url.Values{"every_markers": {"hourly"}, "every_phq9": {"fortnightly"}, "plan_start": {"2020-01-06"}})
	if res.Status != 422 {
		t.Fatalf("bad plan: %d", res.Status)
	}
	if got := fieldError(res.Body, "every_markers"); got != "Choose from the list." {
		t.Errorf("beside the markers: %q", got)
	}
	if got := fieldError(res.Body, "plan_start"); got != "Choose a date from today to three months ahead." {
		t.Errorf("beside the start: %q", got)
	}
	mustContain(t, "the refused form", res.Body, `value="2020-01-06"`, `<option value="fortnightly" selected>`)
	res = f.counsellor.Post(f.path("/plan"), url.Values{"every_markers": {""}, "plan_start": {daysFromNow(0)}})
	if res.Status != 422 || fieldError(res.Body, "every_markers") != "Schedule the markers, a questionnaire, or both." {
		t.Fatalf("empty plan: %d %v", res.Status, fieldErrors(res.Body))
	}
	if n := f.auditCount(t, "plan.save"); n != 0 {
		t.Fatalf("refused plans audited as saved: %d", n)
	}
	res = f.counsellor.Post(f.path("/plan"), url.Values{"every_markers": {"weekly"}, "every_phq9": {"fortnightly"}, "plan_start": {daysFromNow(0)}})
	if res.Status != 303 {
		t.Fatalf("good plan: %d %v", res.Status, fieldErrors(res.Body))
	}
	if n := f.auditCount(t, "plan.save"); n != 1 {
		t.Fatalf("plan.save audited %d times", n)
	}
	page = f.counsellor.Get(f.path("/plan"))
	mustContain(t, "the plan page", page.Body, "Progress markers every week; PHQ-9 every two weeks", `data-testid="plan-checkin-waiting"`)
	// The first check-in is due today: the client's private page opens it.
	c := opened(t, f, f.clientLink(t, f.client))
	if home := c.Get("/h"); !strings.Contains(home.Body, `name="phq9_1"`) {
		t.Fatalf("the client's page does not show the planned check-in:\n%s", home.Body)
	}
	if res := f.counsellor.Post(f.path("/plan/remove"), url.Values{}); res.Status != 303 || f.auditCount(t, "plan.remove") != 1 {
		t.Fatalf("stop plan: %d, audited %d", res.Status, f.auditCount(t, "plan.remove"))
	}
	if home := c.Get("/h"); strings.Contains(home.Body, `name="phq9_1"`) {
		t.Error("the stopped plan's check-in is still open on the client's page")
	}
}

// The admin's default plan form refuses a bad threshold beside the field, keeps the input,
// saves with an audit row; a client added after it starts with that plan.
func TestDefaultPlanFormAndANewClient(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	res := f.admin.Post("/admin/practice/plans", url.Values{"every_phq9": {"fortnightly"}, "overuse_threshold": {"0"}})
	if res.Status != 422 || fieldError(res.Body, "overuse_threshold") != "Enter a whole number from 1 to 50." {
		t.Fatalf("bad threshold: %d %v", res.Status, fieldErrors(res.Body))
	}
	mustContain(t, "the refused form", res.Body, `value="0"`, `<option value="fortnightly" selected>`)
	if res := f.counsellor.Get("/admin/practice/plans"); res.Status != 403 && res.Status != 404 {
		t.Fatalf("a counsellor opened the practice's plan settings: %d", res.Status)
	}
	res = f.admin.Post("/admin/practice/plans", url.Values{"every_markers": {"weekly"}, "every_phq9": {"fortnightly"},
		"every_gad7": {"fortnightly"}, "overuse_threshold": {"4"}})
	if res.Status != 303 {
		t.Fatalf("save defaults: %d %v", res.Status, fieldErrors(res.Body))
	}
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'practice.plans'`, f.practice.ID); err != nil || n != 1 {
		t.Fatalf("practice.plans audited %d times (%v)", n, err)
	}
	mustContain(t, "the settings page", f.admin.Get("/admin/practice/plans").Body, `value="4"`, `<option value="weekly" selected>`)
	res = f.counsellor.Post("/clients", url.Values{"first_name": {"Rae"}, "last_name": {"Moss"}, "format": {"individual"},
		"contact_method": {"neither"}, "neutral_messages": {"true"}})
	if res.Status != 303 {
		t.Fatalf("add client: %d %v", res.Status, fieldErrors(res.Body))
	}
	id := strings.TrimPrefix(res.Location, "/clients/")
	page := f.counsellor.Get("/clients/" + id + "/plan")
	mustContain(t, "the new client's plan", page.Body, "From "+time.Now().In(london(t)).Format("2 Jan 2006")+
		": Progress markers every week; PHQ-9 every two weeks; GAD-7 every two weeks.")
}

// More entries in a day than the practice's threshold beyond those assigned shows a quiet
// note on the client page; at the threshold it does not. The client is never stopped.
func TestOveruseNoteAboveTheThresholdOnly(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	// One daily form open from 10 days ago: one entry a day is assigned; the rest are extra.
	id, _ := f.assign(t, f.client, "daily", nil)
	today := time.Now().In(london(t))
	start := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -10)
	if _, err := f.app.DB.App.Exec(`UPDATE assignments SET start_date = $2 WHERE id = $1`, id, start); err != nil {
		t.Fatal(err)
	}
	a, err := f.app.Store.Assignment(ctx, f.practice.ID, f.client.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	linkID, err := f.app.Store.LiveClientLinkID(ctx, f.practice.ID, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	send := func(day int) {
		t.Helper()
		if _, err := f.app.Store.SaveEntry(ctx, f.practice.ID, linkID, a, store.EntryInput{Date: start.AddDate(0, 0, day),
			Answers: []byte(`{"reassurance_requests": 1, "checks": 1}`), Submit: true,
			IdempotencyKey: fmt.Sprintf("%032x", 7000+day), Audit: store.AuditEntry{Action: "test.seed"}}); err != nil {
			t.Fatalf("entry %d refused: %v", day, err)
		}
	}
	for day := range 6 { // 6 sent today, 1 assigned: 5 beyond, the threshold itself
		send(day)
	}
	if body := f.counsellor.Get(f.path("")).Body; strings.Contains(body, `data-testid="overuse-note"`) {
		t.Fatal("a note at the threshold")
	}
	send(6) // 6 beyond
	body := f.counsellor.Get(f.path("")).Body
	want := fmt.Sprintf("Sent 7 entries on %s, more than the 5 a day you set beyond the 1 assigned.", today.Format("2 Jan"))
	mustContain(t, "the client page", body, `data-testid="overuse-note"`, want)
	note := body[strings.Index(body, `data-testid="overuse-note"`):]
	note = note[:strings.Index(note, "</aside>")]
	if strings.Contains(note, "risk") || strings.Contains(note, "alert") {
		t.Errorf("the note is styled or worded as an alarm: %s", note)
	}
	// Nothing is blocked: the client's page still opens the form, and another day still saves.
	c := opened(t, f, f.clientLink(t, f.client))
	if home := c.Get("/h"); home.Status != 200 || !strings.Contains(home.Body, "<form") {
		t.Fatalf("the client's page after the note: %d", home.Status)
	}
	send(7)
}

func london(t *testing.T) *time.Location {
	t.Helper()
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A planned check-in left unanswered past its grace period shows as a gap: marked missed on
// the progress page and the plan page, and counted on the dashboard; the one still in its
// grace period is waiting, not missed.
func TestMissedPlannedCheckinsShowAsGaps(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	today, err := time.Parse(time.DateOnly, daysFromNow(0))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.SavePlan(context.Background(), f.practice.ID, f.client.ID, f.me.ID, today.AddDate(0, 0, -14),
		map[string]string{"markers": "weekly"}, today, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	progress := f.counsellor.Get(f.path("/progress")).Body
	if n := strings.Count(progress, `data-testid="checkin-missed"`); n != 2 {
		t.Errorf("progress page marks %d check-ins missed, want 2", n)
	}
	plan := f.counsellor.Get(f.path("/plan")).Body
	mustContain(t, "the plan page", plan, `data-testid="plan-gaps">2 missed`, `data-testid="plan-checkin-waiting"`)
	if n := strings.Count(plan, `data-testid="plan-checkin-missed"`); n != 2 {
		t.Errorf("plan page lists %d missed, want 2", n)
	}
	mustContain(t, "the dashboard", f.counsellor.Get("/").Body, "2 check-ins missed")
}
