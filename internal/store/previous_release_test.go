package store_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// previousRelease reads the query set of the release before this one, as it stood when this
// release's migrations were written (testdata/previous_release; docs/migrations.md).
func previousRelease(t *testing.T) map[string]string {
	t.Helper()
	blocks, err := store.ReadQueries(os.DirFS("testdata/previous_release"))
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) < 100 {
		t.Fatalf("the previous release has %d queries; the snapshot looks incomplete", len(blocks))
	}
	return blocks
}

// prepareAll prepares every block on db as the app role and returns the names PostgreSQL
// refused, each with its error.
func prepareAll(t *testing.T, db *sqlx.DB, blocks map[string]string) []string {
	t.Helper()
	var refused []string
	for name, sql := range blocks {
		if err := prepare(db, sql); err != nil {
			refused = append(refused, name+": "+err.Error())
		}
	}
	sort.Strings(refused)
	return refused
}

// prepare prepares sql on db and closes the statement again.
func prepare(db *sqlx.DB, sql string) error {
	st, err := db.Preparex(sql) //nolint:sqlclosecheck // closed by the defer below
	if err != nil {
		return err
	}
	defer st.Close()
	return nil
}

// Expand, then contract: during a rolling deploy the previous release still serves requests
// on the migrated schema, so every one of its queries must still prepare there.
func TestPreviousReleaseQueriesRunOnTheNewSchema(t *testing.T) {
	db := testutil.NewDatabase(t)
	if refused := prepareAll(t, db.App, previousRelease(t)); len(refused) > 0 {
		t.Fatalf("the previous release's queries no longer prepare on the migrated schema:\n%s", strings.Join(refused, "\n"))
	}
}

// The check can fail: dropping practices.client_seq now (a contract step, due one release
// later) would break the previous release's next-client-seq, and the check says so.
func TestPreviousReleaseCheckCatchesAnEarlyContract(t *testing.T) {
	db := testutil.NewDatabase(t)
	if _, err := db.OpenAsAdmin(t).ExecContext(context.Background(), `ALTER TABLE practices DROP COLUMN client_seq`); err != nil {
		t.Fatal(err)
	}
	refused := prepareAll(t, db.App, previousRelease(t))
	if len(refused) != 1 || !strings.HasPrefix(refused[0], "next-client-seq: ") || !strings.Contains(refused[0], "client_seq") {
		t.Fatalf("refused = %q; want next-client-seq alone, naming client_seq", refused)
	}
}

// The previous release writes a sign-in of an unknown email to audit_log with no practice;
// on the new schema that row lands in audit_log_unscoped instead of failing the insert.
func TestPreviousReleaseAuditOfNoPracticeIsKept(t *testing.T) {
	ctx := context.Background()
	db := testutil.NewDatabase(t)
	record := previousRelease(t)["record-audit"]
	if _, err := db.App.ExecContext(ctx, record, nil, nil, "auth.login", "", "", nil, "192.0.2.7", "req-1", "failure", ""); err != nil {
		t.Fatalf("the previous release's audit of no practice: %v", err)
	}
	var moved, scoped int
	if err := db.App.GetContext(ctx, &moved, `SELECT count(*) FROM audit_log_unscoped WHERE action = 'auth.login' AND host(ip) = '192.0.2.7' AND request_id = 'req-1'`); err != nil || moved != 1 {
		t.Fatalf("audit_log_unscoped rows = %d, %v; want 1", moved, err)
	}
	if err := db.App.GetContext(ctx, &scoped, `SELECT count(*) FROM audit_log`); err != nil || scoped != 0 {
		t.Fatalf("audit_log rows = %d, %v; want 0", scoped, err)
	}
}
