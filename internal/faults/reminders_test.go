//go:build faults

package faults

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// A reminder job survives a database restart: the first send is refused by the mail server,
// so the job waits in PostgreSQL for its retry; the database stops and starts while it waits;
// the same worker then sends it, once.
func TestReminderJobSurvivesDatabaseRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	db := testutil.NewDatabase(t)
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.CreatePractice(ctx, "Restart practice")
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, p.ID, store.NewUser{Email: "c@test.example", DisplayName: "C", Role: store.RoleCounsellor, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := st.CreateClient(ctx, p.ID, store.ClientInput{CounsellorID: u.ID, FirstName: "Ada", LastName: "Restart",
		Email: "ada@home.example", Format: "individual", ContactMethod: "email", ContactFrom: 0, ContactUntil: 24}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCheckin(ctx, p.ID, cl.ID, u.ID, true, nil, time.Now().AddDate(0, 0, 3), "restart-test-key-0001", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	sink := testutil.NewSMTPServer(t)
	sink.FailNext(1)
	m, err := mail.NewSMTP(sink.Addr, "Forms <forms@localhost>", "", "", mail.TLSStartTLS, sink.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	fixed := time.Now() // hours 0 to 24: any moment is within them
	q, err := reminders.New(reminders.Options{DB: db.App.DB, Store: st, Mailer: m, Now: func() time.Time { return fixed }, PollEvery: 100 * time.Millisecond, RetryBase: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := q.Scan(ctx); err != nil || n != 1 {
		t.Fatalf("scan queued %d (%v)", n, err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = q.Stop(context.Background()) }()

	// Wait (bounded) for the refused first attempt: the job then waits in the table for its
	// retry, five seconds on (River marks a retry that soon "available" with a later time).
	for state := ""; state != "retryable" && state != "available"; {
		_ = db.App.QueryRowContext(ctx, `SELECT state FROM river.river_job WHERE kind = 'reminder_send' AND attempt = 1 AND errors IS NOT NULL`).Scan(&state)
		if ctx.Err() != nil || state == "completed" {
			var audit []string
			_ = db.App.Select(&audit, `SELECT action || ' ' || outcome || ' ' || detail FROM audit_log WHERE practice_id = $1`, p.ID)
			t.Fatalf("the job never failed its first attempt (state %q): %d messages, audit %v", state, len(sink.Messages()), audit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := outage(ctx, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	for len(sink.Messages()) == 0 {
		if ctx.Err() != nil {
			t.Fatal("the reminder was not sent after the restart")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var state string
	var attempt int
	for state != "completed" && ctx.Err() == nil {
		time.Sleep(50 * time.Millisecond)
		_ = db.App.QueryRowContext(ctx, `SELECT state, attempt FROM river.river_job WHERE kind = 'reminder_send'`).Scan(&state, &attempt)
	}
	if state != "completed" || attempt < 2 {
		t.Fatalf("job %s after %d attempts, want completed on a retry", state, attempt)
	}
	msgs := sink.Messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].Data, "You have a form to fill in") {
		t.Fatalf("%d messages: %+v", len(msgs), msgs)
	}
	var errs string
	if err := db.App.QueryRowContext(ctx, `SELECT coalesce(errors::text, '') FROM river.river_job WHERE kind = 'reminder_send'`).Scan(&errs); err != nil {
		t.Fatal(err)
	}
	if errs == "" || strings.Contains(errs, "ada@") {
		t.Fatalf("the job's recorded errors should name the refusal, not the address: %s", errs)
	}
}
