package testutil

import (
	"context"
	_ "embed" // the recount's SQL
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/measures"
	sqlfiles "github.com/securebase/securebase/sql"
)

// attentionRecount is the open attention queue of a practice worked out from scratch.
//
//go:embed attention_recount.sql
var attentionRecount string

// queueRow is one open attention item as compared: who, what and when.
type queueRow struct {
	ClientID     int64     `db:"client_id"`
	CounsellorID int64     `db:"counsellor_id"`
	Kind         string    `db:"kind"`
	RefID        int64     `db:"ref_id"`
	DueAt        time.Time `db:"due_at"`
}

func queueRows(t testing.TB, db *sqlx.DB, query string, args ...any) []string {
	t.Helper()
	var rows []queueRow
	if err := db.SelectContext(context.Background(), &rows, query, args...); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprintf("client %d counsellor %d %s %d due %s", r.ClientID, r.CounsellorID, r.Kind, r.RefID,
			r.DueAt.UTC().Format(time.RFC3339Nano))
	}
	slices.Sort(out)
	return out
}

// AttentionRecount returns the practice's open attention queue recounted from its records
// (attention_recount.sql), one sorted line per item.
func AttentionRecount(t testing.TB, db *sqlx.DB, practiceID int64) []string {
	t.Helper()
	var keys pq.StringArray
	var rcis pq.Float64Array
	for _, m := range measures.Measures() {
		keys = append(keys, m.Key)
		rcis = append(rcis, m.Thresholds.RCI)
	}
	return queueRows(t, db, attentionRecount, practiceID, keys, rcis)
}

// OpenAttention returns the practice's open attention items as the store keeps them, in the
// form of AttentionRecount.
func OpenAttention(t testing.TB, db *sqlx.DB, practiceID int64) []string {
	t.Helper()
	return queueRows(t, db, `SELECT client_id, counsellor_id, kind, ref_id, due_at FROM attention_items
		WHERE practice_id = $1 AND resolved_at IS NULL`, practiceID)
}

// AssertAttentionQueue fails the test unless the kept open queue equals the recount, naming
// step, and returns the open items' lines.
func AssertAttentionQueue(t testing.TB, db *sqlx.DB, practiceID int64, step string) []string {
	t.Helper()
	got, want := OpenAttention(t, db, practiceID), AttentionRecount(t, db, practiceID)
	if !slices.Equal(got, want) {
		t.Fatalf("after %s the attention queue differs from the recount:\nkept:\n  %s\nrecount:\n  %s", step,
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	return got
}

// CountKind counts the lines of one kind among lines from AssertAttentionQueue.
func CountKind(lines []string, kind string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, " "+kind+" ") {
			n++
		}
	}
	return n
}

// RefillAttention rebuilds every practice's attention queue from the records with migration
// 0020's backfill: what a test that writes records with raw SQL runs afterwards, as it
// recounts the kept counts.
func RefillAttention(t testing.TB, db *sqlx.DB) {
	t.Helper()
	m, err := fs.ReadFile(sqlfiles.Migrations, sqlfiles.MigrationsDir+"/0020_attention_backfill.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(m), "-- +goose Down")
	_, insert, ok := strings.Cut(up, "INSERT INTO attention_items")
	if !ok {
		t.Fatal("migration 0020 has no INSERT INTO attention_items")
	}
	if _, err := db.Exec(`DELETE FROM attention_items`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO attention_items" + insert); err != nil {
		t.Fatal(err)
	}
}
