package web_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// The client page and the progress page each read everything in one statement
// (store.ClientPageOf, store.ProgressPageOf); each part must be what the store's own reader of
// it returns, for every client of a seeded practice.
func TestTheClientAndProgressPagesOneReadGivesWhatEachReaderGives(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, app.Store, app.Passwords); err != nil {
		t.Fatal(err)
	}
	// Two check-ins (the demo has none): one with markers only, one with questionnaires, done.
	if _, err := app.DB.App.Exec(`INSERT INTO checkins (practice_id, client_id, with_markers, measures, due_date, request_key, completed_at, created_by)
		SELECT practice_id, id, true, '{}'::text[], current_date + 3, 'read-test-checkin-' || id, NULL, counsellor_id FROM clients WHERE id % 2 = 1
		UNION ALL SELECT practice_id, id, false, '{phq9,gad7}'::text[], current_date - 3, 'read-test-done-' || id, now(), counsellor_id FROM clients WHERE id % 2 = 1`); err != nil {
		t.Fatal(err)
	}
	var clients []struct {
		PracticeID int64 `db:"practice_id"`
		ID         int64 `db:"id"`
	}
	if err := app.DB.App.Select(&clients, `SELECT practice_id, id FROM clients ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	seen := map[string]bool{}
	for _, cl := range clients {
		got, err := app.Store.ClientPageOf(ctx, cl.PracticeID, cl.ID, now)
		if err != nil {
			t.Fatalf("client %d: %v", cl.ID, err)
		}
		var want store.ClientPage
		want.Practice, _ = app.Store.Practice(ctx, cl.PracticeID)
		want.Flags, _ = app.Store.RiskFlags(ctx, cl.PracticeID, cl.ID)
		if v, err := app.Store.LatestIntake(ctx, cl.PracticeID, cl.ID); err == nil {
			want.Intake = &v
		}
		want.Goals, _ = app.Store.Goals(ctx, cl.PracticeID, cl.ID)
		ids := []int64{}
		for _, g := range want.Goals {
			ids = append(ids, g.ID)
		}
		want.Readings, _ = app.Store.GoalReadings(ctx, cl.PracticeID, ids)
		want.Appointments, _ = app.Store.SummariseAppointments(ctx, cl.PracticeID, cl.ID, now)
		all, _ := app.Store.Appointments(ctx, cl.PracticeID, cl.ID)
		want.Recent = all[:min(10, len(all))]
		want.Assignments, _ = app.Store.Assignments(ctx, cl.PracticeID, cl.ID)
		want.Links, _ = app.Store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
		parts := map[string][2]any{
			"practice": {got.Practice, want.Practice}, "flags": {got.Flags, want.Flags}, "intake": {got.Intake, want.Intake},
			"goals": {got.Goals, want.Goals}, "readings": {got.Readings, want.Readings},
			"appointment summary": {got.Appointments, want.Appointments}, "appointments": {got.Recent, want.Recent},
			"assignments": {got.Assignments, want.Assignments}, "links": {got.Links, want.Links},
		}
		pg, err := app.Store.ProgressPageOf(ctx, cl.PracticeID, cl.ID)
		if err != nil {
			t.Fatalf("client %d: progress page: %v", cl.ID, err)
		}
		conv, _ := app.Store.Conventions(ctx, cl.PracticeID)
		markers, _ := app.Store.Markers(ctx, cl.PracticeID, false)
		ratings, results, notes, _ := app.Store.ClientProgress(ctx, cl.PracticeID, cl.ID)
		checkins, _ := app.Store.Checkins(ctx, cl.PracticeID, cl.ID)
		parts["client page: conventions"] = [2]any{string(got.Conventions), string(conv)}
		parts["client page: markers"] = [2]any{got.Markers, markers}
		parts["client page: ratings"] = [2]any{got.Ratings, ratings}
		parts["client page: results"] = [2]any{got.Results, results}
		parts["progress: practice"] = [2]any{pg.Practice, want.Practice}
		parts["conventions"] = [2]any{string(pg.Conventions), string(conv)}
		parts["markers"] = [2]any{pg.Markers, markers}
		parts["ratings"] = [2]any{pg.Ratings, ratings}
		parts["results"] = [2]any{pg.Results, results}
		parts["notes"] = [2]any{pg.Notes, notes}
		parts["progress: goals"] = [2]any{pg.Goals, want.Goals}
		parts["progress: readings"] = [2]any{pg.Readings, want.Readings}
		parts["checkins"] = [2]any{pg.Checkins, checkins}
		for name, p := range parts {
			g, w := asJSON(t, p[0]), asJSON(t, p[1])
			if g != w {
				t.Fatalf("client %d, %s:\none read: %s\nits reader: %s", cl.ID, name, g, w)
			}
			if w != "null" && w != "[]" && w != "{}" && w != `""` {
				seen[name] = true
			}
		}
	}
	for _, name := range []string{"flags", "intake", "goals", "readings", "appointments", "assignments", "links",
		"markers", "ratings", "results", "notes", "checkins", "conventions",
		"client page: markers", "client page: ratings", "client page: results", "client page: conventions"} {
		if !seen[name] {
			t.Errorf("no seeded client has any %s: the comparison proves nothing there", name)
		}
	}
}

// asJSON writes v with empty slices as null, as a reader that found no rows leaves them.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if s == "[]" {
		return "null"
	}
	return s
}
