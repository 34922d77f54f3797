package web_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestEveryClientPageViewIsAudited opens every GET route about a client as its counsellor
// (as an admin where only admins may) and proves each wrote an audit entry naming the client.
func TestEveryClientPageViewIsAudited(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	goalID, _ := f.app.Store.CreateGoal(ctx, f.practice.ID, f.client.ID, f.me.ID, store.GoalInput{Statement: "A goal"}, store.AuditEntry{Action: "test.seed"})
	appt, _ := f.app.Store.CreateAppointment(ctx, f.practice.ID, f.client.ID, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().Add(-time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual"}, store.AuditEntry{Action: "test.seed"})
	if _, _, err := f.app.Store.SaveIntake(ctx, f.practice.ID, f.client.ID, 0, "concerns", []byte(`{}`), f.me.ID, nil, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	assignmentID, _ := f.assign(t, f.client, "once", nil)
	ids := map[string]string{":id": itoa(f.client.ID), ":goal": itoa(goalID), ":appointment": itoa(appt.ID), ":version": "1", ":section": "concerns", ":assignment": itoa(assignmentID)}
	var adminID int64
	if err := f.app.DB.App.Get(&adminID, `SELECT id FROM users WHERE practice_id = $1 AND role = 'admin'`, f.practice.ID); err != nil {
		t.Fatal(err)
	}
	for _, r := range f.app.Server.Routes() {
		if r.Method != "GET" || !strings.HasPrefix(r.Path, "/clients/:id") {
			continue
		}
		path := r.Path
		for k, v := range ids {
			path = strings.ReplaceAll(path, k, v)
		}
		caller, actor := f.counsellor, f.me.ID
		if !slices.Contains(r.Access.Roles, store.RoleCounsellor) {
			caller, actor = f.admin, adminID
		}
		var before, after int
		count := `SELECT count(*) FROM audit_log WHERE client_id = $1 AND actor_user_id = $2 AND outcome = 'success'`
		_ = f.app.DB.App.Get(&before, count, f.client.ID, actor)
		if res := caller.Get(path); res.Status != 200 {
			t.Errorf("GET %s: status %d", path, res.Status)
			continue
		}
		_ = f.app.DB.App.Get(&after, count, f.client.ID, actor)
		if after != before+1 {
			t.Errorf("GET %s wrote %d audit entries about the client, want 1", r.Path, after-before)
		}
	}
}

// TestChildRecordsOfAnotherClientCannotBeReachedThroughOnesOwnClient proves that a goal,
// appointment, flag or intake version of client B is not found under client A's path, even
// by a user who may open both clients.
func TestChildRecordsOfAnotherClientCannotBeReachedThroughOnesOwnClient(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	other := f.addClient(t, f.me.ID, "Blake", "Other", "")
	goalID, _ := f.app.Store.CreateGoal(ctx, f.practice.ID, other.ID, f.me.ID, store.GoalInput{Statement: "Other client's goal"}, store.AuditEntry{Action: "test.seed"})
	appt, _ := f.app.Store.CreateAppointment(ctx, f.practice.ID, other.ID, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().Add(-time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual", Note: "Other client's note"}, store.AuditEntry{Action: "test.seed"})
	if _, _, err := f.app.Store.SaveIntake(ctx, f.practice.ID, other.ID, 0, "risk", []byte(`{"triggers":"Other client's trigger"}`), f.me.ID,
		&store.RiskFlagInput{Source: "intake", Summary: "Other client's risk", Audit: store.AuditEntry{Action: "test.seed"}}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	var flagID int64
	if err := f.app.DB.App.Get(&flagID, `SELECT id FROM risk_flags WHERE client_id = $1`, other.ID); err != nil {
		t.Fatal(err)
	}
	mine := f.path("")
	reqs := []testutil.Request{
		{Method: "GET", Path: mine + "/goals/" + itoa(goalID)},
		{Method: "GET", Path: mine + "/goals/" + itoa(goalID) + "/edit"},
		{Method: "POST", Path: mine + "/goals/" + itoa(goalID), Form: url.Values{"statement": {"hijack"}, "version": {"1"}}},
		{Method: "POST", Path: mine + "/goals/" + itoa(goalID) + "/status", Form: url.Values{"to": {"discontinued"}, "reason": {"x"}}},
		{Method: "POST", Path: mine + "/goals/" + itoa(goalID) + "/readings", Form: url.Values{"reading_date": {daysFromNow(-1)}, "value": {"1"}}},
		{Method: "GET", Path: mine + "/appointments/" + itoa(appt.ID) + "/edit"},
		{Method: "POST", Path: mine + "/appointments/" + itoa(appt.ID), Form: url.Values{"date": {daysFromNow(-1)}, "time": {"10:00"}, "duration": {"50"}, "status": {"cancelled"}, "format": {"individual"}}},
		{Method: "POST", Path: mine + "/risk-flags/" + itoa(flagID) + "/clear", Form: url.Values{"review_note": {"cleared through the wrong client"}}},
		{Method: "GET", Path: mine + "/intake/versions/1"},
	}
	testutil.AssertIsolated(t, f.app, f.counsellor, f.practice.ID, []string{"Other client's goal", "Other client's note", "Other client's trigger", "Other client's risk"}, reqs)
}

// TestEveryPostRouteRefusesAMissingCSRFToken walks the router: no state-changing route
// may accept a form without its token.
func TestEveryPostRouteRefusesAMissingCSRFToken(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ids := strings.NewReplacer(":id", itoa(f.client.ID), ":goal", "1", ":appointment", "1", ":flag", "1", ":section", "concerns",
		":assignment", "1", ":entry", "1", ":template", "1", ":checkin", "1")
	before := f.app.PracticeFingerprint(f.practice.ID)
	for _, r := range f.app.Server.Routes() {
		if r.Method != "POST" {
			continue
		}
		for name, c := range map[string]*testutil.Browser{"admin": f.admin, "counsellor": f.counsellor} {
			if res := c.PostRaw(ids.Replace(r.Path), url.Values{"first_name": {"Forged"}}); res.Status != 403 {
				t.Errorf("POST %s as %s without a token: status %d, want 403", r.Path, name, res.Status)
			}
		}
	}
	after := f.app.PracticeFingerprint(f.practice.ID)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("table %s changed", table)
		}
	}
}
