package web_test

import (
	"context"
	"testing"

	"github.com/securebase/securebase/internal/store"
)

// The submitted, reviewed and draft counts kept on each assignment (by the store, in the
// change's transaction, since migration 0017) match a recount of its entries after every kind
// of change through the store: a draft, the draft revised, its submission, a retried
// submission, new submissions, a review and a second review. Raw SQL writers (deletions, one at
// a time and many at once, bulk inserts and updates) recount as bench/seed.sql does.
func TestAssignmentEntryCountsFollowEveryChange(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	assignmentID, _ := f.assign(t, f.client, "daily", nil)
	otherID, _ := f.assign(t, f.client, "daily", nil)
	linkID, err := f.app.Store.LiveClientLinkID(ctx, f.practice.ID, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.app.Store.Assignment(ctx, f.practice.ID, f.client.ID, assignmentID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string, submitted, reviewed, drafts int) {
		t.Helper()
		var got [3]int // what assignmentID keeps
		for _, id := range []int64{assignmentID, otherID} {
			var kept, counted [3]int
			if err := f.app.DB.App.QueryRow(`SELECT submitted_entries, reviewed_entries, draft_entries FROM assignments WHERE id = $1`, id).
				Scan(&kept[0], &kept[1], &kept[2]); err != nil {
				t.Fatal(err)
			}
			if err := f.app.DB.App.QueryRow(`SELECT count(*) FILTER (WHERE status = 'submitted'), count(*) FILTER (WHERE reviewed_at IS NOT NULL),
				count(*) FILTER (WHERE status = 'draft') FROM homework_entries WHERE assignment_id = $1`, id).
				Scan(&counted[0], &counted[1], &counted[2]); err != nil {
				t.Fatal(err)
			}
			if kept != counted {
				t.Fatalf("%s: assignment %d keeps %v (submitted, reviewed, drafts), its entries count %v", step, id, kept, counted)
			}
			if id == assignmentID {
				got = kept
			}
		}
		if want := [3]int{submitted, reviewed, drafts}; got != want {
			t.Fatalf("%s: counts %v, want %v", step, got, want)
		}
	}
	save := func(day int, submit bool, key string) {
		t.Helper()
		if _, err := f.app.Store.SaveEntry(ctx, f.practice.ID, linkID, a, store.EntryInput{Date: a.StartDate.AddDate(0, 0, day),
			Answers: []byte(`{"reassurance_requests": 3, "checks": 1}`), Submit: submit, IdempotencyKey: key, Audit: store.AuditEntry{Action: "test.seed"}}); err != nil {
			t.Fatal(err)
		}
	}
	check("no entries", 0, 0, 0)
	save(0, false, "draft-key-0123456789")
	check("a draft", 0, 0, 1)
	save(0, false, "draft-key-0223456789")
	check("the draft revised", 0, 0, 1)
	save(0, true, "submit-key-0123456789")
	check("the draft submitted", 1, 0, 0)
	save(0, true, "submit-key-0123456789")
	check("the submission retried", 1, 0, 0)
	save(1, true, "submit-key-1123456789")
	save(2, false, "draft-key-2123456789")
	check("a second submission and a draft", 2, 0, 1)
	var entryID int64
	if err := f.app.DB.App.Get(&entryID, `SELECT id FROM homework_entries WHERE assignment_id = $1 AND status = 'submitted' ORDER BY id LIMIT 1`, assignmentID); err != nil {
		t.Fatal(err)
	}
	if err := f.app.Store.ReviewEntry(ctx, f.practice.ID, assignmentID, entryID, f.me.ID, "Thank you", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	check("one reviewed", 2, 1, 1)
	if err := f.app.Store.ReviewEntry(ctx, f.practice.ID, assignmentID, entryID, f.me.ID, "Thank you again", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	check("reviewed again", 2, 1, 1)
	admin := f.app.DB.OpenAsAdmin(t)
	if _, err := admin.Exec(`DELETE FROM homework_entries WHERE id = $1`, entryID); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("the reviewed one deleted", 1, 0, 1)
	// Many rows in one statement, across two assignments.
	if _, err := admin.Exec(`INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date, answers, status, idempotency_key, submitted_at)
		SELECT a.practice_id, a.id, a.client_id, a.start_date + 10 + d, '{}', 'submitted', md5(a.id || '-' || d), now()
		FROM assignments a CROSS JOIN generate_series(0, 4) d WHERE a.id IN ($1, $2)`, assignmentID, otherID); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("five more on each in one statement", 6, 0, 1)
	if _, err := admin.Exec(`UPDATE homework_entries SET reviewed_at = now() WHERE assignment_id IN ($1, $2) AND status = 'submitted'`, assignmentID, otherID); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("all reviewed in one statement", 6, 6, 1)
	if _, err := admin.Exec(`DELETE FROM homework_entries WHERE assignment_id IN ($1, $2)`, assignmentID, otherID); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("all deleted", 0, 0, 0)
}
