package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// How the access matrix treats a route.
const (
	caseRoute  = "case"  // a client's record: refused to every outsider
	scopeRoute = "scope" // answers on the caller's own scope: nothing of the victim may show
	linkRoute  = "link"  // a client's link pages: another client must reach nothing of the victim
	// practiceRoute is shared by a practice's staff (its own templates): refused to other practices.
	practiceRoute = "practice"
	openRoute     = "open" // no client data at all (probes, assets, sign-in, own account)
)

// routeKinds is every route the router has, by how the matrix calls it. A route missing
// here fails the test: coverage cannot silently shrink.
func routeKinds() map[string]string {
	kinds := map[string]string{
		"GET /healthz": openRoute, "GET /readyz": openRoute, "GET /assets/*": openRoute,
		"GET /login": openRoute, "POST /login": openRoute, "POST /logout": openRoute,
		"GET /account/password": openRoute, "POST /account/password": openRoute,
		"GET /": scopeRoute, "GET /clients": scopeRoute, "GET /clients/new": scopeRoute, "POST /clients": scopeRoute,
		"GET /exports": scopeRoute, "GET /exports/:kind": scopeRoute, "POST /exports/:kind": scopeRoute, "GET /outcomes": scopeRoute,
		"GET /homework/templates": scopeRoute, "GET /homework/templates/new": scopeRoute, "POST /homework/templates": scopeRoute,
		"GET /homework/templates/preview": scopeRoute, "GET /homework/templates/phone": scopeRoute, "GET /homework/templates/:template/edit": practiceRoute,
		"POST /homework/templates/:template": practiceRoute,
		"GET /h/:token":                      linkRoute, "POST /h/open": linkRoute, "GET /h": linkRoute, "POST /h/entry": linkRoute, "POST /h/checkin": linkRoute,
		"POST /h/exit": linkRoute, "POST /h/pick": linkRoute, "GET /h/earlier": linkRoute, "POST /h/earlier": linkRoute,
	}
	for _, p := range []string{"/admin/users", "/admin/users/new", "/admin/audit", "/admin/practice", "/admin/markers",
		"/admin/conventions", "/admin/supervision", "/admin/practice/exports"} {
		kinds["GET "+p] = scopeRoute
	}
	for _, p := range []string{"/admin/users", "/admin/practice", "/admin/markers", "/admin/conventions", "/admin/supervision",
		"/admin/practice/export-first-year", "/admin/practice/pseudonym-key"} {
		kinds["POST "+p] = scopeRoute
	}
	for _, r := range []string{"GET /admin/wording", "GET /admin/wording/:key", "POST /admin/wording/:key", "POST /admin/wording/:key/visibility"} {
		kinds[r] = scopeRoute
	}
	// Two-factor sign-in and the caller's own account (email, second factor, sessions): no client data.
	for _, r := range []string{"GET /login/two-factor", "POST /login/two-factor", "GET /login/two-factor/setup",
		"POST /login/two-factor/setup", "GET /login/two-factor/qr.png", "GET /account", "GET /account/email", "POST /account/email",
		"GET /account/two-factor", "POST /account/two-factor", "GET /account/two-factor/new", "GET /account/two-factor/qr.png",
		"POST /account/two-factor/disable", "GET /account/two-factor/recovery-codes", "POST /account/two-factor/recovery-codes", "GET /account/sessions",
		"POST /account/sessions/end-others"} {
		kinds[r] = openRoute
	}
	kinds["POST /admin/practice/numbers"] = scopeRoute
	kinds["GET /admin/practice/plans"] = scopeRoute
	kinds["POST /admin/practice/plans"] = scopeRoute
	kinds["POST /admin/users/:id/deactivate"] = caseRoute
	kinds["POST /admin/users/:id/reset-password"] = caseRoute
	kinds["POST /admin/users/:id/reset-two-factor"] = caseRoute
	return kinds
}

// TestAccessMatrixCoversEveryRoute walks every route of the router, filled with the ids of a
// real client's goal, appointment, flag, intake, homework, entry, check-in and template, as
// an anonymous visitor, another practice's admin and counsellor, an unassigned counsellor,
// a supervisor outside any supervision link, and a client holding another assignment's link.
// Every call about the client is refused; none shows anything of the client or changes a row.
func TestAccessMatrixCoversEveryRoute(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	pid, cid := f.practice.ID, f.client.ID
	goalID, err := f.app.Store.CreateGoal(ctx, pid, cid, f.me.ID, store.GoalInput{Statement: "Secret goal statement"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	appt, err := f.app.Store.CreateAppointment(ctx, pid, cid, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().Add(-time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual", Note: "Secret appointment note"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.app.Store.SaveIntake(ctx, pid, cid, 0, "risk", []byte(`{"triggers":"Secret trigger text"}`), f.me.ID,
		&store.RiskFlagInput{Source: "intake", Summary: "Secret risk summary", Audit: store.AuditEntry{Action: "test.seed"}}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	var flagID int64
	if err := f.app.DB.App.Get(&flagID, `SELECT id FROM risk_flags WHERE client_id = $1`, cid); err != nil {
		t.Fatal(err)
	}
	assignmentID, _ := f.assign(t, f.client, "daily", nil)
	entryID := f.submitEntry(t, f.client, assignmentID, `{"reassurance_requests": 4, "checks": 2, "note": "Secret entry text"}`)
	victimLink, _ := f.app.Store.LiveClientLinkID(ctx, pid, cid)
	checkinID, err := f.app.Store.CreateCheckin(ctx, pid, cid, f.me.ID, true, nil, time.Now().AddDate(0, 0, 3), newKey(), store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	templateID, err := f.app.Store.CreateHomeworkTemplate(ctx, pid, f.me.ID, "Secret template title",
		[]byte(`{"title":"Secret template title","fields":[{"key":"a","label":"A","type":"short_text"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.NewReplacer(":id", itoa(cid), ":goal", itoa(goalID), ":appointment", itoa(appt.ID), ":flag", itoa(flagID),
		":version", "1", ":section", "concerns", ":assignment", itoa(assignmentID), ":entry", itoa(entryID), ":checkin", itoa(checkinID),
		":template", itoa(templateID), ":kind", "caseload", ":key", "thought_record", ":token", strings.Repeat("A", 43), "*", "css/app.css")
	forms := url.Values{"first_name": {"Hacked"}, "last_name": {"Hacked"}, "format": {"individual"}, "contact_method": {"neither"},
		"action": {"discharge"}, "counsellor_id": {itoa(f.otherUser.ID)}, "review_note": {"cleared by an outsider"},
		"statement": {"Hacked goal"}, "to": {"discontinued"}, "reason": {"outsider"}, "reading_date": {daysFromNow(-1)},
		"value": {"3"}, "date": {daysFromNow(-1)}, "time": {"10:00"}, "duration": {"50"}, "status": {"attended"},
		"concerns_own_words": {"hacked"}, "base_version": {"1"}, "version": {"1"}, "reply": {"outsider reply"},
		"template": {"builtin:reassurance_tally"}, "start_date": {daysFromNow(0)}, "due_date": {daysFromNow(7)}, "cadence": {"once"},
		"link_id": {itoa(victimLink)}, "idempotency_key": {newKey()}, "entry_date": {daysFromNow(0)}, "q1": {"9"},
		"q2": {"9"}, "title": {"Hacked template"}, "identified": {"1"}, "confirm": {"1"}}

	kinds := routeKinds()
	byKind := map[string][]testutil.Request{}
	for _, r := range f.app.Server.Routes() {
		kind, ok := kinds[r.Method+" "+r.Path]
		if strings.HasPrefix(r.Path, "/clients/:id") {
			kind, ok = caseRoute, true // everything under a client is that client's record
		}
		if !ok {
			t.Fatalf("route %s %s is unknown to the access matrix: add it to routeKinds with how to call it", r.Method, r.Path)
		}
		path := r.Path
		if strings.HasPrefix(path, "/admin/users/:id") {
			path = strings.Replace(path, ":id", itoa(f.me.ID), 1) // a victim-practice user
		}
		path = ids.Replace(path)
		if strings.Contains(path, ":") {
			t.Fatalf("route %s has a parameter the matrix cannot fill", r.Path)
		}
		form := forms
		if kind == scopeRoute && r.Method == "POST" && !strings.HasPrefix(r.Path, "/exports") {
			form = url.Values{} // an invalid form: a caller's own-scope write must not even start here
		}
		byKind[kind] = append(byKind[kind], testutil.Request{Method: r.Method, Path: path, Form: form})
		delete(kinds, r.Method+" "+r.Path)
	}
	for stale := range kinds {
		t.Errorf("routeKinds lists %s, which the router no longer has", stale)
	}
	if len(byKind[caseRoute]) < 30 {
		t.Fatalf("only %d client routes found", len(byKind[caseRoute]))
	}
	// Client codes repeat across practices (each starts at SB-0001), so names and texts are the secrets.
	secrets := []string{"Jordan", "Avery", "Secret goal statement", "Secret appointment note", "Secret trigger text",
		"Secret risk summary", "Secret entry text"}
	practiceSecrets := append([]string{"Secret template title", f.me.Email}, secrets...)

	outsider := f.app.Practice("Elsewhere")
	foreignAdmin, _ := f.app.SignedIn(outsider.ID, store.RoleAdmin)
	foreignCounsellor, _ := f.app.SignedIn(outsider.ID, store.RoleCounsellor)
	otherClient := f.addClient(t, f.otherUser.ID, "Quinn", "Neighbour", "")
	_, otherToken := f.assign(t, otherClient, "once", nil)
	otherLink := f.app.Browser()
	if res := openLink(t, otherLink, otherToken); res.Status != 303 {
		t.Fatalf("open the other client's link: %d", res.Status)
	}
	personas := []struct {
		name         string
		c            *testutil.Browser
		samePractice bool
	}{
		{"an anonymous visitor", f.app.Browser(), false},
		{"another practice's admin", foreignAdmin, false},
		{"another practice's counsellor", foreignCounsellor, false},
		{"an unassigned counsellor", f.other, true},
		{"a supervisor outside any supervision", f.supervisor, true},
		{"a client with another assignment", otherLink, false},
	}
	for _, p := range personas {
		t.Run(p.name, func(t *testing.T) {
			testutil.AssertIsolated(t, f.app, p.c, pid, secrets, byKind[caseRoute])
			if p.samePractice {
				// The practice's templates are shared with its staff: not refused, and nothing of the client.
				testutil.AssertNoLeak(t, f.app, p.c, pid, secrets, byKind[practiceRoute])
				testutil.AssertNoLeak(t, f.app, p.c, pid, secrets, append(byKind[scopeRoute], byKind[linkRoute]...))
				return
			}
			testutil.AssertIsolated(t, f.app, p.c, pid, practiceSecrets, byKind[practiceRoute])
			testutil.AssertNoLeak(t, f.app, p.c, pid, practiceSecrets, append(byKind[scopeRoute], byKind[linkRoute]...))
		})
	}
	// The same calls as the assigned counsellor are not refused: the matrix calls real things.
	if res := f.counsellor.Get("/clients/" + itoa(cid) + "/goals/" + itoa(goalID)); res.Status != 200 || !strings.Contains(res.Body, "Secret goal statement") {
		t.Fatalf("the assigned counsellor cannot open the goal: %d", res.Status)
	}
}
