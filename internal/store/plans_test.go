package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// A fixed clock throughout: the store takes the moment (or the practice's date) as a value.
// The practice is in Europe/London, whose clocks go forward on Sunday 28 March 2027. A plan
// from Monday 15 March (markers weekly, PHQ-9 every two weeks) makes its check-ins on the
// local date, skips the weeks the client was paused, lapses a missed one after the grace
// period (a gap on the attention queue from local midnight), and is listed by DueForms.
func TestPlanMakesCheckinsAcrossDaylightSavingAndAPause(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	s, ctx, pid, a := f.s, f.ctx, f.p.ID, f.audit
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d := func(v string) time.Time {
		x, err := time.Parse(time.DateOnly, v)
		must(err)
		return x
	}
	cl := f.client(t)
	must(s.SavePlan(ctx, pid, cl.ID, f.u.ID, d("2027-03-15"), map[string]string{"markers": "weekly", "phq9": "fortnightly"}, d("2027-03-15"), a))
	made := func(step string, want ...string) []store.Checkin {
		t.Helper()
		_, cks, err := s.PlannedCheckins(ctx, pid, cl.ID, d("2027-03-01")) // reads without making more
		must(err)
		var got []string
		for _, ck := range cks {
			got = append(got, ck.PlannedOn.UTC().Format(time.DateOnly))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: check-ins made for %v, want %v", step, got, want)
		}
		return cks
	}
	dueForms := func(now time.Time) []int64 {
		t.Helper()
		forms, err := s.DueForms(ctx, pid, now)
		must(err)
		var ids []int64
		for _, fm := range forms {
			if fm.ClientID != cl.ID || fm.Kind != "checkin" {
				t.Fatalf("due form %+v", fm)
			}
			ids = append(ids, fm.RefID)
		}
		return ids
	}
	made("the plan saved on its first day", "2027-03-15")
	cks, err := s.DueCheckins(ctx, pid, cl.ID, d("2027-03-15"))
	must(err)
	if len(cks) != 1 || !cks[0].WithMarkers || !slices.Equal([]string(cks[0].Measures), []string{"phq9"}) {
		t.Fatalf("due on 15 March: %+v, want the markers and PHQ-9", cks)
	}
	_, err = s.RecordProgress(ctx, pid, cl.ID, store.ProgressInput{Day: d("2027-03-15"), Source: "client", CheckinID: cks[0].ID}, a)
	must(err)

	// 21 March 23:30 GMT is still Sunday in London: nothing new; 22 March 00:30 is Monday.
	if ids := dueForms(time.Date(2027, 3, 21, 23, 30, 0, 0, time.UTC)); len(ids) != 0 {
		t.Fatalf("due on Sunday night: %v", ids)
	}
	made("Sunday night", "2027-03-15")
	if ids := dueForms(time.Date(2027, 3, 22, 0, 30, 0, 0, time.UTC)); len(ids) != 1 {
		t.Fatalf("due on Monday: %v, want the check-in of 22 March", ids)
	}
	made("Monday", "2027-03-15", "2027-03-22")
	// Still open on the last day of grace (25 March), gone from the client's page on the 26th.
	if ids := dueForms(time.Date(2027, 3, 25, 23, 59, 0, 0, time.UTC)); len(ids) != 1 {
		t.Fatalf("on the last day of grace: %v", ids)
	}
	if ids := dueForms(time.Date(2027, 3, 26, 0, 1, 0, 0, time.UTC)); len(ids) != 0 {
		t.Fatalf("after the grace period: %v, want none (lapsed)", ids)
	}
	// The gap is an attention item from the start of 26 March in London (GMT then).
	var gaps []time.Time
	must(f.db.App.Select(&gaps, `SELECT due_at FROM attention_items WHERE practice_id = $1 AND client_id = $2
		AND kind = 'missed_checkin' AND resolved_at IS NULL`, pid, cl.ID))
	if len(gaps) != 1 || !gaps[0].Equal(time.Date(2027, 3, 26, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("gap items %v, want one from 2027-03-26 00:00 GMT", gaps)
	}
	assertQueue(t, f.db.App, pid, "a lapsed check-in")

	// Paused on Saturday 27 March, resumed on Wednesday 7 April: 29 March and 5 April never fall due.
	must(s.SetClientStatusOn(ctx, pid, cl.ID, []string{"intake"}, "paused", d("2027-03-27"), a))
	if ids := dueForms(time.Date(2027, 4, 5, 9, 0, 0, 0, time.UTC)); len(ids) != 0 {
		t.Fatalf("due while paused: %v", ids)
	}
	must(s.SetClientStatusOn(ctx, pid, cl.ID, []string{"paused"}, "active", d("2027-04-07"), a))
	made("resumed", "2027-03-15", "2027-03-22")
	// 11 April 23:30 BST is 22:30 UTC: still Sunday. 12 April 00:30 BST is 11 April 23:30 UTC.
	if ids := dueForms(time.Date(2027, 4, 11, 22, 30, 0, 0, time.UTC)); len(ids) != 0 {
		t.Fatalf("due on Sunday night (BST): %v", ids)
	}
	if ids := dueForms(time.Date(2027, 4, 11, 23, 30, 0, 0, time.UTC)); len(ids) != 1 {
		t.Fatalf("due at 00:30 BST on Monday 12 April: %v", ids)
	}
	cks = made("after the pause", "2027-03-15", "2027-03-22", "2027-04-12")
	if !cks[0].WithMarkers || !slices.Equal([]string(cks[0].Measures), []string{"phq9"}) {
		t.Errorf("12 April asks for %+v, want the markers and PHQ-9 (every two weeks from 15 March)", cks[0])
	}
	// Its gap would open at the start of 16 April in London: 23:00 UTC on the 15th (BST).
	var next time.Time
	must(f.db.App.Get(&next, `SELECT due_at FROM attention_items WHERE practice_id = $1 AND client_id = $2
		AND kind = 'missed_checkin' AND ref_id = $3`, pid, cl.ID, cks[0].ID))
	if !next.Equal(time.Date(2027, 4, 15, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("the gap of 12 April opens at %v, want 2027-04-15 23:00 UTC", next)
	}
	// Discharged: the plan ends, nothing more falls due, and the open check-in is withdrawn.
	must(s.SetClientStatusOn(ctx, pid, cl.ID, []string{"active"}, "discharged", d("2027-04-13"), a))
	if ids := dueForms(time.Date(2027, 5, 3, 9, 0, 0, 0, time.UTC)); len(ids) != 0 {
		t.Fatalf("due after discharge: %v", ids)
	}
	made("after discharge", "2027-03-15", "2027-03-22", "2027-04-12")
	assertQueue(t, f.db.App, pid, "a discharge")
}

// A new client starts with the practice's default plan on the day they are added.
func TestDefaultPlanAppliesToANewClient(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	s, ctx, pid, a := f.s, f.ctx, f.p.ID, f.audit
	every := map[string]string{"markers": "weekly", "phq9": "fortnightly", "gad7": "fortnightly"}
	if err := s.SavePlanSettings(ctx, pid, every, 5, a); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2027, 10, 25, 0, 0, 0, 0, time.UTC)
	cl, err := s.CreateClient(ctx, pid, store.ClientInput{CounsellorID: f.u.ID, FirstName: "Ada", LastName: "Lee",
		Format: "individual", ContactMethod: "neither", Today: day}, a)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Plan(ctx, pid, cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	rule, err := p.Rule()
	if err != nil || !rule.StartsOn.Equal(day) || len(rule.Every) != 3 || rule.Every["gad7"] != "fortnightly" {
		t.Fatalf("plan %+v (%v), want the default from %s", rule, err, day)
	}
	cks, err := s.DueCheckins(ctx, pid, cl.ID, day)
	if err != nil || len(cks) != 1 || !cks[0].WithMarkers || !slices.Equal([]string(cks[0].Measures), []string{"phq9", "gad7"}) {
		t.Fatalf("due on the first day: %+v (%v)", cks, err)
	}
	// A client added with no default plan set gets none.
	if err := s.SavePlanSettings(ctx, pid, map[string]string{}, 5, a); err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateClient(ctx, pid, store.ClientInput{CounsellorID: f.u.ID, FirstName: "Bo", LastName: "Lee",
		Format: "individual", ContactMethod: "neither", Today: day}, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Plan(ctx, pid, other.ID); err != store.ErrNotFound {
		t.Fatalf("plan of a client added with no default: %v, want ErrNotFound", err)
	}
}
