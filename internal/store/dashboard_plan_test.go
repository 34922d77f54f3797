package store_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// queryText is one named block of queries/dashboard.sql.
func queryText(t *testing.T, name string) string {
	t.Helper()
	raw, err := fs.ReadFile(store.QueryFiles(), "queries/dashboard.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(raw), "-- name: "+name+"\n")
	if !ok {
		t.Fatalf("no query %s", name)
	}
	body, _, _ := strings.Cut(rest, "\n-- name: ")
	return body
}

// The caseload form of the attention queue and its counts can be read through the table's
// partial indexes: their generic plans (the ones the dashboard runs), with sequential scans
// priced out, scan attention_items only by index, and the parts of the clients shown through
// attention_items_open_key. Which index an empty table picks is the planner's guess; on the
// bench data the scope's items come through attention_items_queue_idx (see the report).
func TestAttentionQueueReadsThroughItsIndexes(t *testing.T) {
	t.Parallel()
	db := testutil.NewDatabase(t)
	ctx := context.Background()
	tx, err := db.App.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, q := range []string{`SET LOCAL enable_seqscan = off`, `SET LOCAL plan_cache_mode = force_generic_plan`,
		`PREPARE queue(bigint, bigint[], bigint) AS ` + queryText(t, "attention-queue"),
		`PREPARE counts(bigint, bigint[]) AS ` + queryText(t, "attention-counts")} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	for stmt, want := range map[string][]string{
		"EXPLAIN EXECUTE queue(1, '{1}', 50)": {"attention_items_open_key"},
		"EXPLAIN EXECUTE counts(1, '{1}')":    {"on attention_items"},
	} {
		var lines []string
		if err := tx.SelectContext(ctx, &lines, stmt); err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		if strings.Contains(plan, "Seq Scan on attention_items") {
			t.Errorf("%s scans attention_items whole:\n%s", stmt, plan)
		}
		for _, idx := range want {
			if !strings.Contains(plan, idx) {
				t.Errorf("%s does not use %s:\n%s", stmt, idx, plan)
			}
		}
	}
}
