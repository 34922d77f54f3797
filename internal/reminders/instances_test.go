package reminders_test

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
)

// Two instances, each with its own connection pool, store and River client on one database,
// both scan at the same moment and both work the queue: every client gets exactly one
// reminder at the SMTP server. Then both send the same client's next reminder at once: one
// gets through.
func TestTwoInstancesSendEachReminderOnce(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var addrs []string
	var ids []int64
	for range 6 {
		id, addr := f.client(nil)
		f.due(id)
		ids, addrs = append(ids, id), append(addrs, addr)
	}
	quiet, quietAddr := f.client(func(in *store.ClientInput) { in.NoMessages = true })
	f.due(quiet)

	one := f.queue(reminders.Options{PollEvery: 50 * time.Millisecond, Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	db2, err := pg.Open(ctx, f.db.AppURL, 4)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db2.Close() })
	st2, err := store.New(db2)
	if err != nil {
		t.Fatal(err)
	}
	two, err := reminders.New(reminders.Options{DB: db2.DB, Store: st2, Mailer: f.mailer(), Now: f.clock.Now, PollEvery: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []*reminders.Queue{one, two} {
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = q.Stop(context.Background()) })
	}

	var wg sync.WaitGroup
	queued := make([]int, 2)
	errs := make([]error, 2)
	for i, q := range []*reminders.Queue{one, two} {
		wg.Go(func() { queued[i], errs[i] = q.Scan(ctx) })
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("scans: %v, %v", errs[0], errs[1])
	}
	// A job the other instance already finished no longer blocks a second one (River's unique
	// jobs cover waiting and running jobs), so there may be more jobs than clients: the
	// store's one-a-day record is what keeps each to one email.
	total := queued[0] + queued[1]
	if total < len(ids) || total > 2*len(ids) {
		t.Fatalf("the two scans queued %d and %d jobs, want %d to %d in all", queued[0], queued[1], len(ids), 2*len(ids))
	}
	waitForJobs(ctx, t, f, total)
	for _, a := range addrs {
		if n := f.sentTo(a); n != 1 {
			t.Errorf("%s got %d reminders, want exactly 1", a, n)
		}
	}
	if n := f.sentTo(quietAddr); n != 0 {
		t.Errorf("the client who asked for no messages got %d", n)
	}
	if got := len(f.sink.Messages()); got != len(ids) {
		t.Fatalf("%d messages at the SMTP server, want %d", got, len(ids))
	}

	// The next day, both instances work the same client's reminder at the same moment.
	f.clock.Set(at("2026-03-11", 11, 0))
	args := reminders.SendArgs{PracticeID: f.practice.ID, ClientID: ids[0], Day: "2026-03-11"}
	reasons := make([]reminders.Reason, 2)
	for i, q := range []*reminders.Queue{one, two} {
		wg.Go(func() { reasons[i], errs[i] = q.Send(ctx, args, 1) })
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("sends: %v, %v", errs[0], errs[1])
	}
	if n := f.sentTo(addrs[0]); n != 2 {
		t.Fatalf("after two days and a doubled send, %d reminders, want 2", n)
	}
	if _, sent, _ := f.auditRows(); sent != len(ids)+1 {
		t.Fatalf("%d sends audited, want %d", sent, len(ids)+1)
	}
}

// waitForJobs waits (bounded by ctx) until want send jobs are completed and none is left.
func waitForJobs(ctx context.Context, t *testing.T, f *fixture, want int) {
	t.Helper()
	for {
		var done, left int
		err := f.db.App.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE state = 'completed'), count(*) FILTER (WHERE state <> 'completed')
			FROM river.river_job WHERE kind = 'reminder_send'`).Scan(&done, &left)
		if err != nil {
			t.Fatal(err)
		}
		if done == want && left == 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("jobs: %d completed and %d left, want %d completed", done, left, want)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
