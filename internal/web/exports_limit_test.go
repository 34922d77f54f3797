package web_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// Four exports of one practice at once stream; a fifth gets a friendly 429 page asking to try
// again shortly, and is not started (no audit row); another practice is not held back; once one
// ends, the next starts.
func TestAFifthExportAtOnceGetsA429Page(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	other := f.app.Practice("Riverside")
	otherAdmin, _ := f.app.SignedIn(other.ID, store.RoleAdmin)
	admins := make([]*testutil.Browser, 5)
	for i := range admins {
		admins[i], _ = f.app.SignedIn(f.practice.ID, store.RoleAdmin)
	}
	// Hold the goals export's query on a lock, so the exports stay in flight.
	admin := f.app.DB.OpenAsAdmin(t)
	tx, err := admin.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.Exec(`LOCK TABLE goal_readings IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	statuses := make([]int, 5)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); statuses[i] = admins[i].Get("/exports/goals").Status }()
	}
	waitInFlight(t, f.app, 4)
	wg.Add(1)
	go func() { defer wg.Done(); statuses[4] = otherAdmin.Get("/exports/goals").Status }()
	waitInFlight(t, f.app, 5)

	fifth := admins[4].Get("/exports/goals")
	if fifth.Status != 429 || !strings.Contains(fifth.Body, "Several exports are already running") ||
		!strings.Contains(fifth.Body, "try again shortly") || strings.Contains(fifth.Header.Get("Content-Type"), "csv") {
		t.Fatalf("a fifth export at once: status %d, %q; want the 429 page", fifth.Status, fifth.Header.Get("Content-Type"))
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, s := range statuses {
		if s != 200 {
			t.Errorf("export %d held on the lock: status %d, want 200 once it was released", i, s)
		}
	}
	waitInFlight(t, f.app, 0)
	if res := admins[4].Get("/exports/goals"); res.Status != 200 {
		t.Fatalf("an export once the others ended: %d, want 200", res.Status)
	}
	var started int
	if err := f.app.DB.App.Get(&started, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'export.start'`, f.practice.ID); err != nil {
		t.Fatal(err)
	}
	if started != 5 {
		t.Fatalf("export.start audited %d times, want 5 (four held, one after; the refused one never started)", started)
	}
}

// waitInFlight waits until the exports-in-flight gauge reads n (the exports have started and
// hold their places), failing after a generous bound.
func waitInFlight(t *testing.T, app *testutil.App, n float64) {
	t.Helper()
	for range 600 {
		if gauge(scrape(t, app), "securebase_exports_in_flight") == n {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("exports in flight never reached %v", n)
}
