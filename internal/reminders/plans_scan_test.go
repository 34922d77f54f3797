package reminders_test

import (
	"context"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
)

// With no SMTP, the scan still makes a plan's check-ins as they fall due, so one nobody
// answered lapses into a gap on the counsellor's queue though nobody opened the client; and
// it sends nothing.
func TestTheScanMakesPlannedCheckinsWithRemindersOff(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id, _ := f.client(nil)
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a Monday
	if err := f.st.SavePlan(ctx, f.practice.ID, id, f.counsellor.ID, start, map[string]string{"phq9": "weekly"}, start.AddDate(0, 0, -1),
		store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	q, err := reminders.New(reminders.Options{DB: f.db.App.DB, Store: f.st, Now: f.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	missed := func() (n int) {
		t.Helper()
		err := f.db.App.Get(&n, `SELECT count(*) FROM attention_items WHERE practice_id = $1 AND client_id = $2
			AND kind = 'missed_checkin' AND resolved_at IS NULL AND due_at <= $3`, f.practice.ID, id, f.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	made := func() int {
		t.Helper()
		_, cks, err := f.st.PlannedCheckins(ctx, f.practice.ID, id, start.AddDate(0, 0, -1)) // reads without making more
		if err != nil {
			t.Fatal(err)
		}
		return len(cks)
	}

	if got := made(); got != 0 {
		t.Fatalf("check-ins made before the plan starts: %d", got)
	}
	// 11 March: the check-ins of 2 and 9 March have fallen due; only the first is past its
	// grace (three days).
	f.clock.Set(at("2026-03-11", 10, 0))
	if n, err := q.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("scan: queued %d, %v; want 0 reminders with no mailer", n, err)
	}
	if got := made(); got != 2 {
		t.Fatalf("check-ins made by the scan: %d, want 2 (2 and 9 March)", got)
	}
	if got := missed(); got != 1 {
		t.Fatalf("open missed check-in items due by 11 March: %d, want 1", got)
	}
	if len(f.sink.Messages()) != 0 {
		t.Fatalf("a message was sent with reminders off")
	}
}
