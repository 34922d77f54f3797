package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// recordIDs are the ids of a client's rows that tables without a client_id column point to.
type recordIDs struct {
	goals, assignments, checkins []int64
	token                        string
}

// fillRecord gives the client a row in every table of a record: intake and risk flag, an
// attended appointment, a goal revised into another (history, readings, one from homework),
// homework with a link and an entry, a completed check-in's ratings and results, an event note.
func fillRecord(t *testing.T, f *caseFixture, cl store.Client) recordIDs {
	t.Helper()
	ctx := context.Background()
	pid, uid := f.practice.ID, cl.CounsellorID
	if _, _, err := f.app.Store.SaveIntake(ctx, pid, cl.ID, 0, "risk", []byte(`{"triggers":"Secret trigger text"}`), uid,
		&store.RiskFlagInput{Source: "intake", Summary: "Secret risk summary", Audit: store.AuditEntry{Action: "test.seed"}}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.Store.CreateAppointment(ctx, pid, cl.ID, uid, store.AppointmentInput{StartsAt: time.Now().Add(-48 * time.Hour),
		DurationMinutes: 50, Status: "attended", Format: "individual", Note: "Secret appointment note"}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	first, err := f.app.Store.CreateGoal(ctx, pid, cl.ID, uid, store.GoalInput{Statement: "Secret goal statement"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.TransitionGoal(ctx, pid, cl.ID, first, uid, 1, "draft", "active", "", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.AddGoalReading(ctx, pid, cl.ID, first, uid, time.Now(), 4, "Secret reading note", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	second, err := f.app.Store.ReviseGoal(ctx, pid, cl.ID, first, uid, "Secret revision reason", store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	assignment, token := f.assign(t, cl, "daily", &second)
	f.submitEntry(t, cl, assignment, `{"reassurance_requests": 4, "checks": 2, "note": "Secret entry text"}`)
	checkin, err := f.app.Store.CreateCheckin(ctx, pid, cl.ID, uid, true, []string{"gad7"}, time.Now().AddDate(0, 0, 3), newKey(), store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	// A measurement plan from today (its first check-in made at once).
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if err := f.app.Store.SavePlan(ctx, pid, cl.ID, uid, today, map[string]string{"markers": "weekly"}, today, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	markers, err := f.app.Store.Markers(ctx, pid, false)
	if err != nil || len(markers) == 0 {
		t.Fatalf("markers: %v", err)
	}
	if _, err := f.app.Store.RecordProgress(ctx, pid, cl.ID, store.ProgressInput{Day: time.Now(), Source: "client", CheckinID: checkin,
		Ratings: map[int64]int{markers[0].ID: 6}, Results: []store.ResultInput{{MeasureKey: "gad7", Total: 5, Answers: []byte(`{}`)}}}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.Store.RecordProgress(ctx, pid, cl.ID, store.ProgressInput{Day: time.Now(), Source: "counsellor", RecordedBy: uid,
		RequestKey: fmt.Sprintf("sitting-of-client-%08d", cl.ID), Ratings: map[int64]int{markers[0].ID: 4}}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.AddEventNote(ctx, pid, cl.ID, uid, time.Now(), "Secret event note", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.SendReminderOnce(ctx, pid, cl.ID, time.Now(), 1, time.Now(), nil, store.AuditEntry{Action: "test.seed"},
		func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	return recordIDs{goals: []int64{first, second}, assignments: []int64{assignment}, checkins: []int64{checkin}, token: token}
}

// clientIDTables lists every table with a client_id column, from the schema itself.
func clientIDTables(t *testing.T, f *caseFixture) []string {
	t.Helper()
	var tables []string
	if err := f.app.DB.App.Select(&tables, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'client_id' ORDER BY table_name`); err != nil {
		t.Fatal(err)
	}
	if len(tables) < 10 {
		t.Fatalf("only %d tables with a client_id: %v", len(tables), tables)
	}
	return tables
}

// rowsOf counts, per table with a client_id (the audit log aside), the client's rows, and
// the rows of the tables that reach the client through a goal, an assignment or a check-in.
func rowsOf(t *testing.T, f *caseFixture, clientID int64, ids recordIDs) map[string]int {
	t.Helper()
	out := map[string]int{}
	count := func(name, q string, args ...any) {
		var n int
		if err := f.app.DB.App.Get(&n, q, args...); err != nil {
			t.Fatalf("count %s: %v", name, err)
		}
		out[name] = n
	}
	for _, table := range clientIDTables(t, f) {
		if table != "audit_log" {
			count(table, fmt.Sprintf(`SELECT count(*) FROM %s WHERE client_id = $1`, pq.QuoteIdentifier(table)), clientID)
		}
	}
	count("clients", `SELECT count(*) FROM clients WHERE id = $1`, clientID)
	count("goal_status_changes", `SELECT count(*) FROM goal_status_changes WHERE goal_id = ANY($1)`, pq.Int64Array(ids.goals))
	count("goal_readings", `SELECT count(*) FROM goal_readings WHERE goal_id = ANY($1)`, pq.Int64Array(ids.goals))
	return out
}

// setRetention saves the practice's retention period through the admin's settings form.
func setRetention(t *testing.T, f *caseFixture, years string) *testutil.Response {
	t.Helper()
	return f.admin.Post("/admin/practice", url.Values{"time_zone": {"Europe/London"}, "retention_years": {years}})
}

// endCareYearsAgo moves the client's discharge, archiving and attended appointments back.
func endCareYearsAgo(t *testing.T, f *caseFixture, clientID int64, years int) {
	t.Helper()
	ago := fmt.Sprintf("%d years", years)
	for _, q := range []string{
		`UPDATE clients SET discharged_at = now() - $2::interval, archived_at = CASE WHEN archived_at IS NOT NULL THEN now() - $2::interval END WHERE id = $1`,
		`UPDATE appointments SET starts_at = starts_at - $2::interval WHERE client_id = $1`,
	} {
		if _, err := f.app.DB.App.Exec(q, clientID, ago); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDeletingAClientRemovesTheirWholeRecordAndKeepsAnAuditRecord(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ids := fillRecord(t, f, f.client)
	neighbour := f.addClient(t, f.otherUser.ID, "Quinn", "Neighbour", "")
	neighbourIDs := fillRecord(t, f, neighbour)
	neighbourBefore := rowsOf(t, f, neighbour.ID, neighbourIDs)
	for table, n := range rowsOf(t, f, f.client.ID, ids) {
		if n == 0 {
			t.Fatalf("the fixture left %s empty for the client: the test would prove nothing there", table)
		}
	}
	if res := setRetention(t, f, "7"); res.Status != 303 {
		t.Fatalf("save retention: %d", res.Status)
	}
	f.counsellor.Post(f.path("/status"), url.Values{"action": {"discharge"}})
	f.counsellor.Post(f.path("/archive"), nil)
	endCareYearsAgo(t, f, f.client.ID, 8)

	page := f.admin.Get(f.path("/delete"))
	if page.Status != 200 || !strings.Contains(page.Body, `data-testid="delete-form"`) || strings.Contains(page.Body, `data-testid="delete-refused"`) {
		t.Fatalf("delete page after retention: %d, form shown %t", page.Status, strings.Contains(page.Body, `delete-form`))
	}
	mustContain(t, "delete page", page.Body, "2 goal(s)", "1 appointment(s)", "no name and\nno clinical content")
	res := f.admin.Post(f.path("/delete"), url.Values{"code": {" " + strings.ToLower(f.client.Code) + " "}, "reason": {"erasure_request"}})
	if res.Status != 303 || res.Location != "/clients" {
		t.Fatalf("delete: %d %q", res.Status, res.Location)
	}
	mustContain(t, "caseload after deletion", f.admin.Get("/clients").Body, "The record of "+f.client.Code+" was deleted")

	for table, n := range rowsOf(t, f, f.client.ID, ids) {
		if n != 0 {
			t.Errorf("%s still holds %d row(s) of the deleted client", table, n)
		}
	}
	for table, n := range rowsOf(t, f, neighbour.ID, neighbourIDs) {
		if n != neighbourBefore[table] {
			t.Errorf("%s lost rows of another client: %d, was %d", table, n, neighbourBefore[table])
		}
	}

	// The audit log: one record of the deletion with the code, reason and who; no row
	// about the client carries a name or clinical text.
	var rec struct {
		Actor  int64  `db:"actor_user_id"`
		Detail string `db:"detail"`
	}
	if err := f.app.DB.App.Get(&rec, `SELECT actor_user_id, detail FROM audit_log
		WHERE client_id = $1 AND action = 'client.delete' AND outcome = 'success'`, f.client.ID); err != nil {
		t.Fatalf("the deletion's audit record: %v", err)
	}
	var adminID int64
	_ = f.app.DB.App.Get(&adminID, `SELECT id FROM users WHERE practice_id = $1 AND role = 'admin'`, f.practice.ID)
	if rec.Actor != adminID || rec.Detail != "code="+f.client.Code+" reason=erasure_request" {
		t.Errorf("deletion audit: actor %d (admin %d), detail %q", rec.Actor, adminID, rec.Detail)
	}
	var texts []string
	if err := f.app.DB.App.Select(&texts, `SELECT action || ' ' || entity_type || ' ' || entity_id || ' ' || detail
		FROM audit_log WHERE client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		for _, secret := range []string{"Jordan", "Avery", "Jo ", "Secret"} {
			if strings.Contains(text, secret) {
				t.Errorf("audit row %q holds %q", text, secret)
			}
		}
	}

	// Every address of the client is a friendly 404 now, and their private link is dead.
	for _, p := range []string{"", "/edit", "/delete", "/intake", "/progress", "/goals/" + itoa(ids.goals[0]), "/homework/" + itoa(ids.assignments[0])} {
		if res := f.admin.Get(f.path(p)); res.Status != 404 || !strings.Contains(res.Body, "Page not found") {
			t.Errorf("GET %s after deletion: %d", f.path(p), res.Status)
		}
	}
	if res := f.admin.Post(f.path("/delete"), url.Values{"code": {f.client.Code}, "reason": {"erasure_request"}}); res.Status != 404 {
		t.Errorf("deleting again: %d, want 404", res.Status)
	}
	if res := f.app.Browser().Get("/h/" + ids.token); res.Status != 404 && res.Status != 410 {
		t.Errorf("the deleted client's link: %d", res.Status)
	}
}

func TestDeletingAClientIsRefusedUntilTheRulesAllowIt(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ids := fillRecord(t, f, f.client)
	confirm := url.Values{"code": {f.client.Code}, "reason": {"retention_ended"}}
	before := f.app.PracticeFingerprint(f.practice.ID)
	unchanged := func(when string) {
		t.Helper()
		after := f.app.PracticeFingerprint(f.practice.ID)
		for table, sum := range before {
			if after[table] != sum && table != "sessions" {
				t.Errorf("%s: table %s changed", when, table)
			}
		}
	}

	// Counsellors and supervisors cannot delete, not even their own client.
	for _, c := range []*testutil.Browser{f.counsellor, f.supervisor} {
		if res := c.Get(f.path("/delete")); res.Status != 403 {
			t.Errorf("GET delete page as non-admin: %d", res.Status)
		}
		if res := c.Post(f.path("/delete"), confirm); res.Status != 403 {
			t.Errorf("POST delete as non-admin: %d", res.Status)
		}
	}
	if strings.Contains(f.counsellor.Get(f.path("")).Body, `data-testid="delete-link"`) {
		t.Error("a counsellor is offered the delete link")
	}
	unchanged("as a counsellor")

	// A client in care: the page says why, and a posted deletion is refused.
	page := f.admin.Get(f.path("/delete"))
	mustContain(t, "delete page in care", page.Body, `data-testid="delete-refused"`, "is still in care", "Discharge the client first")
	if strings.Contains(page.Body, `data-testid="delete-form"`) {
		t.Error("the form is offered for a client in care")
	}
	if res := f.admin.Post(f.path("/delete"), confirm); res.Status != 409 || !strings.Contains(res.Body, "is still in care") {
		t.Errorf("POST delete for a client in care: %d", res.Status)
	}
	unchanged("in care")

	// Discharged, within the retention period: refused, saying from when, whatever the reason.
	if res := setRetention(t, f, "31"); res.Status != 422 || fieldError(res.Body, "retention_years") == "" {
		t.Errorf("retention of 31 years: %d", res.Status)
	}
	if res := setRetention(t, f, "seven"); res.Status != 422 || fieldError(res.Body, "retention_years") == "" {
		t.Errorf("retention of seven: %d", res.Status)
	}
	if res := setRetention(t, f, "7"); res.Status != 303 {
		t.Fatalf("retention of 7 years: %d", res.Status)
	}
	if !strings.Contains(f.admin.Get("/admin/practice").Body, `name="retention_years" type="number" value="7"`) {
		t.Error("the settings page does not show the saved retention period")
	}
	f.counsellor.Post(f.path("/status"), url.Values{"action": {"discharge"}})
	before = f.app.PracticeFingerprint(f.practice.ID)
	london, _ := time.LoadLocation("Europe/London")
	from := time.Now().In(london).AddDate(7, 0, 0).Format("2 Jan 2006")
	for _, reason := range []string{"retention_ended", "erasure_request"} {
		res := f.admin.Post(f.path("/delete"), url.Values{"code": {f.client.Code}, "reason": {reason}})
		if res.Status != 409 {
			t.Errorf("POST delete (%s) during retention: %d", reason, res.Status)
		}
		mustContain(t, "refusal during retention", res.Body, "keeps records for 7 years", "can be deleted from "+from, "erasure request too")
	}
	unchanged("during retention")
	var denied int
	_ = f.app.DB.App.Get(&denied, `SELECT count(*) FROM audit_log WHERE client_id = $1 AND action = 'client.delete' AND outcome = 'denied'`, f.client.ID)
	if denied != 3 {
		t.Errorf("%d refused deletions audited, want 3", denied)
	}

	// An attended appointment after the discharge moves the end of care later.
	endCareYearsAgo(t, f, f.client.ID, 8)
	if _, err := f.app.Store.CreateAppointment(context.Background(), f.practice.ID, f.client.ID, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().AddDate(-1, 0, 0), DurationMinutes: 50, Status: "attended", Format: "individual"}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if res := f.admin.Get(f.path("/delete")); !strings.Contains(res.Body, "can be deleted from "+time.Now().In(london).AddDate(6, 0, 0).Format("2 Jan 2006")) {
		t.Error("the last attended appointment does not set the end of care")
	}
	if _, err := f.app.DB.App.Exec(`UPDATE appointments SET starts_at = starts_at - interval '8 years' WHERE client_id = $1 AND starts_at > now() - interval '2 years'`, f.client.ID); err != nil {
		t.Fatal(err)
	}

	// After the retention period: a wrong code or no reason is a message beside the field, input kept.
	before = f.app.PracticeFingerprint(f.practice.ID)
	res := f.admin.Post(f.path("/delete"), url.Values{"code": {"SB-9999"}, "reason": {"erasure_request"}})
	if res.Status != 422 || !strings.Contains(fieldError(res.Body, "code"), f.client.Code) {
		t.Errorf("wrong code: %d, message %q", res.Status, fieldError(res.Body, "code"))
	}
	mustContain(t, "wrong code", res.Body, `value="SB-9999"`, `value="erasure_request" checked`)
	res = f.admin.Post(f.path("/delete"), url.Values{"code": {f.client.Code}})
	if res.Status != 422 || fieldError(res.Body, "reason") == "" {
		t.Errorf("no reason: %d", res.Status)
	}
	if res := f.admin.Post(f.path("/delete"), url.Values{"code": {f.client.Code}, "reason": {"erasure_request"}, "force": {"1"}}); res.Status != 400 {
		t.Errorf("an unknown field: %d, want 400", res.Status)
	}
	unchanged("with a wrong confirmation")
	if n := rowsOf(t, f, f.client.ID, ids)["clients"]; n != 1 {
		t.Fatal("the client went missing before the right confirmation")
	}
	if res := f.admin.Post(f.path("/delete"), confirm); res.Status != 303 {
		t.Fatalf("delete after retention: %d", res.Status)
	}
}
