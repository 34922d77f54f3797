package store_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/testutil"
	sqlfiles "github.com/securebase/securebase/sql"
)

// Migration 0020 fills the attention queue of a database that had records before the queue
// existed: migrated up to 0019, given records of every kind with plain SQL
// (testdata/attention_backfill_fixture.sql), then migrated to 0020, its queue equals the
// recount for each practice (read after migrating on to the latest); migrating down empties it.
func TestAttentionBackfillMigrationFillsAnExistingDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := pg.Open(ctx, testutil.NewEmptyDatabase(t), 2)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fsys, err := fs.Sub(sqlfiles.Migrations, sqlfiles.MigrationsDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db.DB, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 19); err != nil {
		t.Fatal(err)
	}
	fixture, err := os.ReadFile("testdata/attention_backfill_fixture.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, string(fixture)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 20); err != nil {
		t.Fatal(err)
	}
	// On to the latest, whose columns the recount reads (measurement plans' check-ins, 0032);
	// no later migration touches the queue's items.
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[int64]map[string]int{
		901: {"risk": 1, "item_nine": 0, "review": 2, "overdue": 1, "expiring": 1, "goal_due": 1, "marker_fall": 1, "deterioration": 1},
		902: {"risk": 0, "item_nine": 1, "review": 0, "overdue": 1, "expiring": 1, "goal_due": 1, "marker_fall": 0, "deterioration": 2},
	}
	for practiceID, kinds := range want {
		rows := assertQueue(t, db, practiceID, "the backfill")
		for kind, n := range kinds {
			if got := countKind(rows, kind); got != n {
				t.Errorf("practice %d: %d open %s items after the backfill, want %d:\n%v", practiceID, got, kind, n, rows)
			}
		}
	}
	var labels []string
	if err := db.SelectContext(ctx, &labels, `SELECT label FROM attention_items ORDER BY kind, label`); err != nil {
		t.Fatal(err)
	}
	// Short neutral names only: the assignment's title, the measure, the marker, the link.
	wantLabels := []string{"GAD-7", "PHQ-9", "PHQ-9", "Check-in", "Client link", "Goal", "Goal", "PHQ-9",
		"Comfortable spending time alone", "Daily tally", "Daily tally", "Daily tally", "Thought record", "Risk flag"}
	if !slices.Equal(labels, wantLabels) {
		t.Errorf("labels %q, want %q", labels, wantLabels)
	}
	if _, err := p.DownTo(ctx, 19); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.GetContext(ctx, &n, `SELECT count(*) FROM attention_items`); err != nil || n != 0 {
		t.Fatalf("%d attention items after migrating down (%v), want 0", n, err)
	}
}

// The bench's seed fills the queue with migration 0020's own statement, so the dashboards
// measured read the queue the writers would have kept.
func TestBenchSeedFillsTheQueueAsTheBackfillDoes(t *testing.T) {
	t.Parallel()
	m, err := os.ReadFile("../../sql/migrations/0020_attention_backfill.sql")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../bench/seed.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(m), "-- +goose Down")
	_, insert, ok := strings.Cut(up, "INSERT INTO attention_items")
	if !ok || !strings.Contains(string(seed), "INSERT INTO attention_items"+strings.TrimRight(insert, "\n")) {
		t.Fatal("bench/seed.sql does not end with migration 0020's INSERT INTO attention_items, as it stands")
	}
}
