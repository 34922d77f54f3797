package store_test

import (
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// Every kind of change that opens or resolves an attention item, made through the store's
// own methods, leaves the kept open queue equal to a recount from scratch of the records
// (testutil.AttentionRecount, internal/testutil/attention_recount.sql), step by step; the counts of each kind show the changes
// really opened and resolved something.
func TestAttentionQueueMatchesARecountAfterEveryChange(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	s, ctx, pid, a := f.s, f.ctx, f.p.ID, f.audit
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var rows []string
	check := func(step, kind string, want int) {
		t.Helper()
		rows = assertQueue(t, f.db.App, pid, step)
		if got := countKind(rows, kind); got != want {
			t.Fatalf("after %s: %d open %s items, want %d:\n%v", step, got, kind, want, rows)
		}
	}
	cl, other := f.client(t), f.client(t)
	today := time.Now().UTC().Truncate(24 * time.Hour)

	// Risk flags: from an intake, by hand, from item 9; cleared.
	_, _, err := s.SaveIntake(ctx, pid, cl.ID, 0, "risk", []byte(`{}`), f.u.ID, &store.RiskFlagInput{Source: "intake", Summary: "s", Audit: a}, a)
	must(err)
	check("an intake raising a flag", "risk", 1)
	_, err = s.RaiseRiskFlag(ctx, pid, other.ID, f.u.ID, store.RiskFlagInput{Source: "manual", Summary: "s", Audit: a})
	must(err)
	check("a flag raised by hand", "risk", 2)
	flags, err := s.RiskFlags(ctx, pid, cl.ID)
	must(err)
	must(s.ClearRiskFlag(ctx, pid, cl.ID, flags[0].ID, f.u.ID, "seen", a))
	check("a flag cleared", "risk", 1)

	// Goals: active with a target date, its date moved, achieved.
	target := today.AddDate(0, 0, 10)
	gid, err := s.CreateGoal(ctx, pid, cl.ID, f.u.ID, store.GoalInput{Statement: "Sleep", TargetDate: &target}, a)
	must(err)
	check("a draft goal", "goal_due", 0)
	must(s.TransitionGoal(ctx, pid, cl.ID, gid, f.u.ID, 1, "draft", "active", "agreed", a))
	check("a goal made active", "goal_due", 1)
	g, err := s.Goal(ctx, pid, cl.ID, gid)
	must(err)
	later := target.AddDate(0, 0, 7)
	must(s.UpdateGoal(ctx, pid, cl.ID, gid, g.Version, store.GoalInput{Statement: "Sleep", TargetDate: &later}, a))
	check("a goal's target date moved", "goal_due", 1)
	g, err = s.Goal(ctx, pid, cl.ID, gid)
	must(err)
	newID, err := s.ReviseGoal(ctx, pid, cl.ID, gid, f.u.ID, "revised", a)
	must(err)
	check("a goal revised", "goal_due", 0)
	must(s.TransitionGoal(ctx, pid, cl.ID, newID, f.u.ID, 1, "draft", "active", "agreed", a))
	check("the new goal made active", "goal_due", 1)
	must(s.TransitionGoal(ctx, pid, cl.ID, newID, f.u.ID, 2, "active", "achieved", "done", a))
	check("a goal achieved", "goal_due", 0)

	// Homework: assigned (overdue at the end of its due date), a link issued, entries sent,
	// reviewed, all sent; another assignment revoked.
	in := store.AssignmentInput{TemplateRef: "t", Title: "Daily tally", Template: []byte(`{}`), StartDate: today.AddDate(0, 0, -1),
		DueDate: today, Cadence: "daily", RequestKey: key(t)}
	aid, err := s.CreateAssignment(ctx, pid, cl.ID, f.u.ID, in, a)
	must(err)
	check("an assignment", "overdue", 1)
	linkID, _, err := s.IssueClientLink(ctx, pid, cl.ID, f.u.ID, link(t, 72*time.Hour), a, func(int64, int64) string { return "" })
	must(err)
	check("a client link issued", "expiring", 1)
	asg, err := s.Assignment(ctx, pid, cl.ID, aid)
	must(err)
	_, err = s.SaveEntry(ctx, pid, linkID, asg, store.EntryInput{Date: in.StartDate, Answers: []byte(`{"a":1}`), IdempotencyKey: key(t), Audit: a})
	must(err)
	check("a draft entry", "review", 0)
	_, err = s.SaveEntry(ctx, pid, linkID, asg, store.EntryInput{Date: in.StartDate, Answers: []byte(`{"a":1}`), Submit: true, IdempotencyKey: key(t), Audit: a})
	must(err)
	check("an entry sent", "review", 1)
	entries, err := s.Entries(ctx, pid, aid)
	must(err)
	must(s.ReviewEntry(ctx, pid, aid, entries[0].ID, f.u.ID, "thanks", a))
	check("an entry reviewed", "review", 0)
	_, err = s.SaveEntry(ctx, pid, linkID, asg, store.EntryInput{Date: today, Answers: []byte(`{"a":2}`), Submit: true, IdempotencyKey: key(t), Audit: a})
	must(err)
	check("the last entry sent", "overdue", 0)
	in.RequestKey, in.Cadence = key(t), "once"
	aid2, err := s.CreateAssignment(ctx, pid, cl.ID, f.u.ID, in, a)
	must(err)
	check("a second assignment", "overdue", 1)
	must(s.RevokeAssignment(ctx, pid, cl.ID, aid2, a))
	check("an assignment revoked", "overdue", 0)

	// Links: re-issued (the old one resolved), revoked.
	_, _, err = s.IssueClientLink(ctx, pid, cl.ID, f.u.ID, link(t, 48*time.Hour), a, func(int64, int64) string { return "" })
	must(err)
	check("a link re-issued", "expiring", 1)
	_, err = s.RevokeClientLinks(ctx, pid, cl.ID, a, func(int64) string { return "" })
	must(err)
	check("links revoked", "expiring", 0)
	linkID, _, err = s.IssueClientLink(ctx, pid, cl.ID, f.u.ID, link(t, 24*time.Hour), a, func(int64, int64) string { return "" })
	must(err)
	check("a link issued again", "expiring", 1)

	// Questionnaires and markers: a counsellor's sitting, a client's check-in, item 9,
	// a reliable deterioration that moves to the latest result, then goes; a marker falling,
	// then not; the practice's convention changed.
	must(s.SaveMarker(ctx, pid, 0, "Sleep", "", true))
	ms, err := s.Markers(ctx, pid, false)
	must(err)
	mk := ms[0].ID
	sitting := func(day time.Time, phq int, rating int, item9 bool, checkin int64) {
		t.Helper()
		in := store.ProgressInput{Day: day, Source: "counsellor", RecordedBy: f.u.ID, RequestKey: key(t),
			Ratings: map[int64]int{mk: rating}, Results: []store.ResultInput{{MeasureKey: "phq9", Total: phq, Answers: []byte(`{}`),
				RiskRaised: item9, RiskNote: "item 9"}}, RiskAudit: a}
		if checkin != 0 {
			in.Source, in.RecordedBy, in.RequestKey, in.CheckinID = "client", 0, "", checkin
		}
		_, err := s.RecordProgress(ctx, pid, cl.ID, in, a)
		must(err)
	}
	sitting(today.AddDate(0, 0, -3), 5, 8, false, 0)
	check("a first sitting", "deterioration", 0)
	sitting(today.AddDate(0, 0, -2), 12, 7, true, 0)
	check("a sitting 7 points worse with item 9", "deterioration", 1)
	if countKind(rows, "item_nine") != 1 {
		t.Fatalf("no item 9 item: %v", rows)
	}
	ckID, err := s.CreateCheckin(ctx, pid, cl.ID, f.u.ID, true, []string{"phq9"}, today, key(t), a)
	must(err)
	sitting(today.AddDate(0, 0, -1), 20, 5, false, ckID)
	check("a client's check-in, worse still", "deterioration", 1)
	check("the third rating 3 below the first", "marker_fall", 1)
	sitting(today, 6, 6, false, 0)
	check("a sitting back near the start", "deterioration", 0)
	check("a rating no longer falling", "marker_fall", 0)
	must(s.SetConventions(ctx, pid, []byte(`{"phq9": {"RCI": 1, "CutOff": 10, "Source": "Practice convention"}}`)))
	check("a practice convention of 1 point", "deterioration", 1)
	ck2, err := s.CreateCheckin(ctx, pid, cl.ID, f.u.ID, true, nil, today, key(t), a)
	must(err)
	must(s.RevokeCheckin(ctx, pid, cl.ID, ck2, a))
	check("a check-in revoked", "expiring", 1)

	// A measurement plan begun two weeks ago: three check-ins made, each a gap from the end of
	// its grace period; answering the latest closes the gap; a discharge withdraws the rest.
	must(s.SavePlan(ctx, pid, other.ID, f.u.ID, today.AddDate(0, 0, -14), map[string]string{"markers": "weekly"}, today, a))
	check("a plan begun two weeks ago", "missed_checkin", 3)
	due, err := s.DueCheckins(ctx, pid, other.ID, today)
	must(err)
	if len(due) != 1 || due[0].PlannedOn == nil || !due[0].PlannedOn.Equal(today) {
		t.Fatalf("due check-ins %+v, want today's alone", due)
	}
	planned, err := s.Checkins(ctx, pid, other.ID)
	must(err)
	must(s.RevokeCheckin(ctx, pid, other.ID, planned[len(planned)-1].ID, a))
	check("the oldest gap withdrawn", "missed_checkin", 2)
	_, err = s.RecordProgress(ctx, pid, other.ID, store.ProgressInput{Day: today, Source: "client", CheckinID: due[0].ID,
		Ratings: map[int64]int{mk: 5}}, a)
	must(err)
	check("the latest planned check-in answered", "missed_checkin", 0)
	must(s.SavePlan(ctx, pid, other.ID, f.u.ID, today.AddDate(0, 0, 7), map[string]string{"phq9": "fortnightly"}, today.AddDate(0, 0, 7), a))
	check("a new plan's first check-in, not yet answered", "missed_checkin", 1)
	must(s.SetClientStatusOn(ctx, pid, other.ID, []string{"intake"}, "discharged", today, a))
	check("a discharge ends the plan", "missed_checkin", 0)

	// The client moves to another counsellor, is discharged, then deleted.
	must(s.ReassignClient(ctx, pid, cl.ID, f.u2.ID, a))
	rows = assertQueue(t, f.db.App, pid, "a reassignment")
	if len(rows) < 4 {
		t.Fatalf("too few open items to show a reassignment: %v", rows)
	}
	must(s.SetClientStatus(ctx, pid, cl.ID, []string{"intake", "active"}, "discharged", a))
	check("a discharge", "expiring", 0)
	del := a
	del.Outcome = store.OutcomeSuccess
	must(s.DeleteClient(ctx, pid, cl.ID, func(store.ClientRetention) error { return nil }, del))
	assertQueue(t, f.db.App, pid, "a deletion")
	var n int
	must(f.db.App.Get(&n, `SELECT count(*) FROM attention_items WHERE practice_id = $1 AND client_id = $2`, pid, cl.ID))
	if n != 0 {
		t.Fatalf("%d attention items left of a deleted client", n)
	}
	_ = linkID
}
