package web_test

import (
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/testutil"
)

// recountKept recounts what the store keeps as it writes (each assignment's entry counts,
// each client's last three ratings of each marker, and the attention queue) from scratch, as
// bench/seed.sql does: what a writer of entries or ratings outside the store runs after its raw SQL.
func recountKept(t *testing.T, db *sqlx.DB) {
	t.Helper()
	for _, q := range []string{
		`UPDATE assignments a SET submitted_entries = coalesce(n.submitted, 0), reviewed_entries = coalesce(n.reviewed, 0),
			draft_entries = coalesce(n.drafts, 0)
		FROM assignments a2 LEFT JOIN (SELECT practice_id, assignment_id, count(*) FILTER (WHERE status = 'submitted') AS submitted,
				count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed, count(*) FILTER (WHERE status = 'draft') AS drafts
			FROM homework_entries GROUP BY practice_id, assignment_id) n ON n.practice_id = a2.practice_id AND n.assignment_id = a2.id
		WHERE a.practice_id = a2.practice_id AND a.id = a2.id`,
		`DELETE FROM marker_trends`,
		`INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
		SELECT practice_id, client_id, marker_id, count(*), (array_agg(value ORDER BY rated_on, id))[1],
			(array_agg(value ORDER BY rated_on DESC, id DESC))[1], max(rated_on)
		FROM (SELECT practice_id, client_id, marker_id, value, rated_on, id,
				row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
			FROM marker_ratings) r
		WHERE rn <= 3 GROUP BY practice_id, client_id, marker_id`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	testutil.RefillAttention(t, db)
}

// Entries and ratings have no statement-level trigger (Citus cannot run them on distributed
// tables): what 0008 and 0009 kept with them, the store keeps in each change's transaction
// (migration 0017).
func TestNoStatementLevelTriggers(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	var names []string
	if err := f.app.DB.OpenAsAdmin(t).Select(&names, `SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger
		WHERE NOT tgisinternal AND tgtype & 1 = 0 ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	if len(names) != 0 {
		t.Fatalf("statement-level triggers (Citus runs none on a distributed table): %v", names)
	}
	var rowLevel int
	if err := f.app.DB.OpenAsAdmin(t).Get(&rowLevel, `SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgtype & 1 = 1`); err != nil || rowLevel == 0 {
		t.Fatalf("row-level triggers found: %d (%v); the query must see the audit log's", rowLevel, err)
	}
}
