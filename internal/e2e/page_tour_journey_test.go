package e2e

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyEveryStaffPageIsAccessibleAndValid: a practice admin opens every staff page
// that takes no form input to reach (the record pages of a client with a goal, an
// appointment and homework among them); each renders without an error page, and each is
// checked by axe-core and the Nu HTML Checker as the browser holds it.
func TestJourneyEveryStaffPageIsAccessibleAndValid(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, password := app.User(practice.ID, store.RoleAdmin)
	counsellor, _ := app.User(practice.ID, store.RoleCounsellor)
	rec := seedRecord(t, app, practice.ID, counsellor.ID)
	client := "/clients/" + strconv.FormatInt(rec.client, 10)
	// A measurement plan begun two weeks ago: its table shows answered, missed and waiting check-ins.
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if err := app.Store.SavePlan(context.Background(), practice.ID, rec.client, counsellor.ID, today.AddDate(0, 0, -14),
		map[string]string{"markers": "weekly", "phq9": "fortnightly"}, today, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}

	// The dashboard with a row in its queue (and the snooze forms beside each part).
	if _, err := app.DB.App.Exec(`INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
		VALUES ($1, $2, $3, 'risk', 1, 'Risk flag', now()), ($1, $2, $3, 'review', 2, 'Reassurance and checking tally', now()),
			($1, $2, $3, 'review', 3, 'Reassurance and checking tally', now()), ($1, $2, $3, 'expiring', 4, 'Client link', now() + interval '1 day'),
			($1, $2, $3, 'goal_due', $4, 'Ask for reassurance less often', now() + interval '3 days')
		ON CONFLICT DO NOTHING`, practice.ID, counsellor.ID, rec.client, rec.goal); err != nil {
		t.Fatal(err)
	}

	b := NewBrowser(t)
	signIn(b, app.HTTP.URL, admin.Email, password)
	pages := []string{
		"/", "/account", "/account/password", "/account/email", "/account/two-factor", "/account/sessions",
		"/admin/users", "/admin/users/new", "/admin/audit", "/admin/practice", "/admin/practice/exports", "/admin/practice/plans",
		"/admin/markers", "/admin/wording", "/admin/conventions", "/admin/supervision",
		"/clients", "/clients/new", "/homework/templates", "/homework/templates/new",
		"/homework/templates/preview?ref=builtin:reassurance_tally", "/homework/templates?approach=cbt&marker=no_panic",
		"/homework/templates/phone?ref=builtin:grounding_pause", "/exports", "/outcomes",
		client, client + "/edit", client + "/delete", client + "/intake", client + "/intake/concerns", client + "/intake/risk", client + "/intake/versions",
		client + "/appointments/new", client + "/goals/new", client + "/progress", client + "/plan", client + "/link",
		client + "/homework/new", client + "/homework/new?approach=somatic_trauma&template=builtin%3Agrounding_pause",
		client + "/goals/" + strconv.FormatInt(rec.goal, 10),
		client + "/goals/" + strconv.FormatInt(rec.goal, 10) + "/edit",
		client + "/appointments/" + strconv.FormatInt(rec.appointment, 10) + "/edit",
		client + "/homework/" + strconv.FormatInt(rec.assignment, 10),
	}
	for _, p := range pages {
		b.Do(chromedp.Navigate(app.HTTP.URL + p))
		if html := b.HTML(); strings.Contains(html, `data-testid="error-page"`) || !strings.Contains(html, `<main`) {
			t.Errorf("%s: no page of its own (an error page or no main element)", p)
		}
	}
	// The dashboard's queue reads at 390 px with no sideways scroll.
	b.Do(chromedp.EmulateViewport(390, 844), chromedp.Navigate(app.HTTP.URL+"/"))
	if rows := b.EvalInt(`document.querySelectorAll('[data-testid="queue-row"]').length`); rows != 1 {
		t.Errorf("dashboard queue rows: %d, want 1", rows)
	}
	if over := b.EvalInt(`document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the dashboard scrolls sideways by %d px at 390 px", over)
	}
	b.Screenshots("dashboard")
}

// record is what seedRecord made.
type record struct{ client, goal, appointment, assignment int64 }

// seedRecord makes a client of counsellorID with a draft goal, an appointment and a daily
// homework form.
func seedRecord(t *testing.T, app *testutil.App, practiceID, counsellorID int64) record {
	t.Helper()
	ctx := context.Background()
	seed := store.AuditEntry{Action: "test.seed"}
	cl, err := app.Store.CreateClient(ctx, practiceID, store.ClientInput{CounsellorID: counsellorID, FirstName: "Jordan",
		LastName: "Avery", Format: "individual", ContactMethod: "neither", NeutralMessages: true}, seed)
	if err != nil {
		t.Fatal(err)
	}
	rec := record{client: cl.ID}
	if rec.goal, err = app.Store.CreateGoal(ctx, practiceID, cl.ID, counsellorID, store.GoalInput{Statement: "Ask for reassurance less often"}, seed); err != nil {
		t.Fatal(err)
	}
	appt, err := app.Store.CreateAppointment(ctx, practiceID, cl.ID, counsellorID, store.AppointmentInput{StartsAt: time.Now().Add(24 * time.Hour),
		DurationMinutes: 50, Status: "scheduled", Format: "individual"}, seed)
	if err != nil {
		t.Fatal(err)
	}
	rec.appointment = appt.ID
	tpl, _ := homework.BuiltInByKey("reassurance_tally")
	def, _ := json.Marshal(tpl)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if rec.assignment, err = app.Store.CreateAssignment(ctx, practiceID, cl.ID, counsellorID, store.AssignmentInput{TemplateRef: "builtin:reassurance_tally",
		Title: tpl.Title, Template: def, StartDate: today, DueDate: today.AddDate(0, 0, 6), Cadence: "daily",
		RequestKey: "fedcba9876543210fedcba9876543210"}, seed); err != nil {
		t.Fatal(err)
	}
	return rec
}
