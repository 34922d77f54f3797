//go:build faults

package faults

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// A goal is being saved when the database ends the request's connection after the goal's
// row is written and before its transaction commits: afterwards there is neither the goal
// nor its audit row. The request is held at that point by a lock its audit insert waits
// for; the same request sent again with the database well stores both.
func TestAChangeKilledBeforeItsCommitLeavesNeitherItNorItsAuditRow(t *testing.T) {
	app := testutil.NewApp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	practice := app.Practice("Ledger")
	counsellor, u := app.SignedIn(practice.ID, store.RoleCounsellor)
	cl, err := app.Store.CreateClient(ctx, practice.ID, store.ClientInput{CounsellorID: u.ID, FirstName: "Ada", LastName: "Fault",
		Format: "individual", ContactMethod: "neither", NeutralMessages: true}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	goalsPath := fmt.Sprintf("/clients/%d/goals", cl.ID)
	counsellor.Get(goalsPath + "/new") // the form's CSRF token
	admin := app.DB.OpenAsAdmin(t)

	// SHARE conflicts with the ROW EXCLUSIVE lock an insert takes: the audit insert waits.
	hold, err := admin.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = hold.Rollback() }()
	if _, err := hold.ExecContext(ctx, `LOCK TABLE audit_log IN SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	status := make(chan int, 1)
	go func() {
		status <- counsellor.Post(goalsPath, url.Values{"statement": {"Sleep before midnight"}}).Status
	}()
	pid := waitingAuditInsert(ctx, t, admin)
	var wroteGoal bool
	if err := admin.GetContext(ctx, &wroteGoal, `SELECT EXISTS (SELECT 1 FROM pg_locks
		WHERE pid = $1 AND relation = 'goals'::regclass AND mode = 'RowExclusiveLock' AND granted)`, pid); err != nil {
		t.Fatal(err)
	}
	if !wroteGoal {
		t.Fatal("the waiting transaction has not written the goal: the kill would not fall between the change and the commit")
	}
	var killed bool
	if err := admin.GetContext(ctx, &killed, `SELECT pg_terminate_backend($1)`, pid); err != nil || !killed {
		t.Fatalf("terminate backend %d: %v, %v", pid, killed, err)
	}
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := <-status; got < 500 {
		t.Fatalf("the killed save answered %d, want a server error", got)
	}
	if goals, audits := goalRows(ctx, t, admin, cl.ID); goals != 0 || audits != 0 {
		t.Fatalf("after the kill: %d goals and %d goal.create audit rows, want neither", goals, audits)
	}

	if res := counsellor.Post(goalsPath, url.Values{"statement": {"Sleep before midnight"}}); res.Status != 303 {
		t.Fatalf("the save again: status %d", res.Status)
	}
	if goals, audits := goalRows(ctx, t, admin, cl.ID); goals != 1 || audits != 1 {
		t.Fatalf("after the save again: %d goals and %d goal.create audit rows, want one of each", goals, audits)
	}
}

// waitingAuditInsert returns the process id of the backend whose audit insert waits for a lock.
func waitingAuditInsert(ctx context.Context, t *testing.T, admin *sqlx.DB) int {
	t.Helper()
	for {
		var pids []int
		if err := admin.SelectContext(ctx, &pids, `SELECT pid FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO audit_log%'`); err != nil {
			t.Fatal(err)
		}
		if len(pids) == 1 {
			return pids[0]
		}
		if len(pids) > 1 {
			t.Fatalf("%d audit inserts waiting, want the one request's", len(pids))
		}
		select {
		case <-ctx.Done():
			t.Fatal("no audit insert came to wait for the lock")
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// goalRows counts the client's goals and the audit rows of goal creations about the client.
func goalRows(ctx context.Context, t *testing.T, admin *sqlx.DB, clientID int64) (goals, audits int) {
	t.Helper()
	if err := admin.GetContext(ctx, &goals, `SELECT count(*) FROM goals WHERE client_id = $1`, clientID); err != nil {
		t.Fatal(err)
	}
	if err := admin.GetContext(ctx, &audits, `SELECT count(*) FROM audit_log WHERE client_id = $1 AND action = 'goal.create'`, clientID); err != nil {
		t.Fatal(err)
	}
	return goals, audits
}
