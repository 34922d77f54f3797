package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

func TestDashboardQueueKeepsToEachViewersScope(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	now := time.Now()
	theirs := f.addClient(t, f.otherUser.ID, "Riley", "Stone", "")
	queueItem(t, f, f.client, "review", "Daily tally", 1, now)
	queueItem(t, f, theirs, "deterioration", "PHQ-9", 2, now)
	// Another practice's client, with an item, is never shown to anyone here.
	elsewhere := f.app.Practice("Elsewhere")
	_, farUser := f.app.SignedIn(elsewhere.ID, store.RoleCounsellor)
	far, err := f.app.Store.CreateClient(ctx, elsewhere.ID, store.ClientInput{CounsellorID: farUser.ID, FirstName: "Morgan", LastName: "Faraway",
		Format: "individual", ContactMethod: "neither", NeutralMessages: true}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	queueItem(t, f, far, "risk", "Risk flag", 3, now)
	// An appointment this week, for the counsellor's and the supervisor's lists.
	if _, err := f.app.Store.CreateAppointment(ctx, f.practice.ID, f.client.ID, f.me.ID, store.AppointmentInput{
		StartsAt: now.Add(48 * time.Hour), DurationMinutes: 50, Status: "scheduled", Format: "individual"}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}

	mine := f.counsellor.Get("/").Body
	if queueRow(mine, f.client.Code) == "" || queueRow(mine, theirs.Code) != "" || strings.Contains(mine, "Faraway") {
		t.Error("a counsellor's queue is not their own clients only")
	}
	mustContain(t, "the counsellor's appointments", foldText(mine), "Jo Avery "+f.client.Code+" · 50 min")
	mustContain(t, "status counts", mine, `href="/clients?status=intake">Intake: <strong>1</strong>`) // Jo; Riley is the other's
	// An item whose counsellor is stale (the client since moved to the other counsellor) does
	// not show the client to the one who no longer has them.
	moved := f.addClient(t, f.otherUser.ID, "Casey", "Moved", "")
	stale := moved
	stale.CounsellorID = f.me.ID
	queueItem(t, f, stale, "review", "Daily tally", 4, now)
	if again := f.counsellor.Get("/").Body; queueRow(again, moved.Code) != "" || strings.Contains(again, "Moved") || kindCount(again, "review") != "1" {
		t.Error("an item left with a former counsellor shows them the client")
	}
	admin := f.admin.Get("/").Body
	if queueRow(admin, f.client.Code) == "" || queueRow(admin, theirs.Code) == "" || strings.Contains(admin, "Faraway") {
		t.Error("the admin's queue is not the whole practice and only it")
	}
	mustContain(t, "the admin's rows", queueRow(admin, theirs.Code), f.otherUser.DisplayName)
	filtered := f.admin.Get("/?counsellor=" + itoa(f.otherUser.ID)).Body
	if queueRow(filtered, f.client.Code) != "" || queueRow(filtered, theirs.Code) == "" || kindCount(filtered, "review") != "0" || kindCount(filtered, "deterioration") != "1" {
		t.Error("the admin's filter by counsellor does not narrow the queue and counts")
	}
	mustContain(t, "the filter", filtered, `<option value="`+itoa(f.otherUser.ID)+`" selected>`)
	for _, bad := range []string{itoa(farUser.ID), "999999999", "0", "abc"} {
		if res := f.admin.Get("/?counsellor=" + bad); res.Status != 404 || strings.Contains(res.Body, "Faraway") {
			t.Errorf("filter by counsellor %s, not of the practice: status %d", bad, res.Status)
		}
	}

	// The supervisor: nothing until linked, then the supervisee's clients by code under the
	// counsellor's name, no client names, no labels, no links into records.
	if sup := f.supervisor.Get("/").Body; strings.Contains(sup, f.client.Code) {
		t.Fatal("an unlinked supervisor sees a client")
	}
	var supID string
	_ = f.app.DB.App.Get(&supID, `SELECT id::text FROM users WHERE role = 'supervisor' AND practice_id = $1`, f.practice.ID)
	if res := f.admin.Post("/admin/supervision", url.Values{"supervisor_id": {supID}, "counsellor_id": {itoa(f.me.ID)}}); res.Status != 303 {
		t.Fatalf("link supervisor: %d", res.Status)
	}
	sup := f.supervisor.Get("/").Body
	row := queueRow(sup, f.client.Code)
	if row == "" || queueRow(sup, theirs.Code) != "" {
		t.Fatal("the supervisor's queue is not the supervisee's clients")
	}
	mustContain(t, "the supervisor's group", sup, `data-testid="dash-group"><h3><a href="/exports?kind=caseload&amp;counsellor=`+itoa(f.me.ID)+`">`+f.me.DisplayName+`</a></h3>`)
	mustContain(t, "the supervisor's row", foldText(row), f.client.Code+" 1 entry to review")
	mustContain(t, "the supervisor's appointments", sup, "<strong>"+f.client.Code+"</strong>")
	for _, leak := range []string{"Avery", "Jordan", "Daily tally", `href="/clients/`, `name="until"`} {
		if strings.Contains(sup, leak) {
			t.Errorf("the supervisor's dashboard shows %q", leak)
		}
	}
}

func TestSnoozeHidesAPartUntilItsDateWithAnAuditRow(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	now := time.Now()
	for i := int64(1); i <= 2; i++ {
		queueItem(t, f, f.client, "review", "Daily tally", i, now)
	}
	queueItem(t, f, f.client, "risk", "Risk flag", 3, now)
	queueItem(t, f, f.client, "item_nine", "PHQ-9", 4, now)
	post := func(kind, label, until string) (int, string) {
		res := f.counsellor.Post(f.path("/attention/snooze"), url.Values{"kind": {kind}, "label": {label}, "until": {until}})
		return res.Status, res.Body
	}
	// Dates out of bounds: a message beside the field, the date kept.
	for until, msg := range map[string]string{daysFromNow(0): "after today", daysFromNow(91): "within 90 days", "31/12/2026": "real date", "": "Choose the date"} {
		status, body := post("review", "Daily tally", until)
		if status != 422 || !strings.Contains(fieldError(body, "until"), msg) || (until != "" && !strings.Contains(body, `value="`+until+`"`)) {
			t.Errorf("snooze until %q: status %d, message %q", until, status, fieldError(body, "until"))
		}
	}
	// Risk and item 9 are refused, by the page and by the table.
	for _, kind := range []string{"risk", "item_nine"} {
		if status, body := post(kind, "", daysFromNow(7)); status != 422 || !strings.Contains(body, "cannot be snoozed") {
			t.Errorf("snoozing %s: status %d", kind, status)
		}
	}
	if _, err := f.app.DB.App.Exec(`UPDATE attention_items SET snoozed_until = now() + interval '1 day', snoozed_by = $1 WHERE kind = 'risk' AND client_id = $2`,
		f.me.ID, f.client.ID); err == nil {
		t.Error("the table let a risk item be snoozed")
	}
	// Another counsellor, the supervisor: not theirs to snooze.
	if res := f.other.Post(f.path("/attention/snooze"), url.Values{"kind": {"review"}, "label": {"Daily tally"}, "until": {daysFromNow(7)}}); res.Status != 404 {
		t.Errorf("another counsellor snoozing: %d", res.Status)
	}
	if res := f.supervisor.Post(f.path("/attention/snooze"), url.Values{"kind": {"review"}, "label": {"Daily tally"}, "until": {daysFromNow(7)}}); res.Status != 403 {
		t.Errorf("a supervisor snoozing: %d", res.Status)
	}
	foreignAdmin, _ := f.app.SignedIn(f.app.Practice("Elsewhere").ID, store.RoleAdmin)
	if res := foreignAdmin.Post(f.path("/attention/snooze"), url.Values{"kind": {"review"}, "label": {"Daily tally"}, "until": {daysFromNow(7)}}); res.Status != 404 {
		t.Errorf("another practice's admin snoozing: %d", res.Status)
	}
	if n := f.auditCount(t, "attention.snooze"); n != 0 {
		t.Fatalf("refused snoozes wrote %d audit rows", n)
	}
	// The snooze: the part leaves the queue and its count, one audit row, until the date.
	if status, _ := post("review", "Daily tally", daysFromNow(7)); status != 303 {
		t.Fatalf("snooze: %d", status)
	}
	body := f.counsellor.Get("/").Body
	row := foldText(queueRow(body, f.client.Code))
	if strings.Contains(row, "to review") || kindCount(body, "review") != "0" || !strings.Contains(row, "1 risk flag open") {
		t.Errorf("after the snooze: %s, review count %s", row, kindCount(body, "review"))
	}
	var snoozed int
	_ = f.app.DB.App.Get(&snoozed, `SELECT count(*) FROM attention_items WHERE client_id = $1 AND kind = 'review' AND snoozed_by = $2
		AND snoozed_until > now() + interval '5 days'`, f.client.ID, f.me.ID)
	if snoozed != 2 || f.auditCount(t, "attention.snooze") != 1 {
		t.Errorf("snoozed items %d (want 2), audit rows %d (want 1)", snoozed, f.auditCount(t, "attention.snooze"))
	}
	// When the date comes, the items are back.
	if _, err := f.app.DB.App.Exec(`UPDATE attention_items SET snoozed_until = now() - interval '1 minute' WHERE client_id = $1 AND kind = 'review'`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if row := foldText(queueRow(f.counsellor.Get("/").Body, f.client.Code)); !strings.Contains(row, "2 Daily tally entries to review") {
		t.Errorf("after the snooze ended: %s", row)
	}
	// The admin may snooze too; nothing left to snooze is said so.
	if res := f.admin.Post(f.path("/attention/snooze"), url.Values{"kind": {"goal_due"}, "label": {"Goal"}, "until": {daysFromNow(7)}}); res.Status != 303 {
		t.Errorf("admin snoozing nothing: %d", res.Status)
	}
}
