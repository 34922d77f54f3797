// Package backup_test is the restore drill of "Backups and restore" in docs/operations.md: the
// real pg_dump and pg_restore binaries, a fresh database, and the real app reading it.
package backup_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/testutil"
)

func TestDumpRestoredIntoAFreshDatabaseIsReadByTheApp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pgDump, pgRestore := tool(t, "pg_dump"), tool(t, "pg_restore")

	// The source: the demo practice, plus sign-ins, a refused one and client views, so
	// that sessions and the audit log hold rows.
	src := testutil.NewApp(t)
	seeded, err := demo.Seed(ctx, src.Store, src.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	accounts := seeded.Accounts
	var clients []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
	}
	if err := src.DB.App.Select(&clients, `SELECT id, code FROM clients ORDER BY id`); err != nil || len(clients) == 0 {
		t.Fatalf("demo clients: %d, %v", len(clients), err)
	}
	admin := src.Browser()
	if res := admin.Login(accounts[0].Email, accounts[0].Password); res.Status != 303 {
		t.Fatalf("sign in to the source: status %d", res.Status)
	}
	for _, c := range clients {
		admin.Get(fmt.Sprintf("/clients/%d", c.ID))
	}
	src.Browser().Login(accounts[1].Email, "not the password at all")
	before := snapshot(t, src.DB.OpenAsAdmin(t))
	if before.counts["audit_log"] == 0 || before.counts["sessions"] == 0 {
		t.Fatalf("the source should have audit rows and sessions: %v", before.counts)
	}

	// pg_dump -Fc as the schema owner, as docs/operations.md says.
	dump := filepath.Join(t.TempDir(), "securebase.dump")
	start := time.Now()
	run(t, pgDump, "--format=custom", "--file="+dump, "--dbname="+src.DB.URLAs(testutil.OwnerRole))
	dumpTook := time.Since(start)
	st, err := os.Stat(dump)
	if err != nil {
		t.Fatal(err)
	}

	// pg_restore --no-owner, as the schema owner, into a fresh database it owns.
	restored := testutil.NewOwnedEmptyDatabase(t)
	start = time.Now()
	run(t, pgRestore, "--no-owner", "--exit-on-error", "--dbname="+restored.URLAs(testutil.OwnerRole), dump)
	restoreTook := time.Since(start)
	t.Logf("restore drill: %d tables, %d audit rows; dump %d bytes in %s; restore in %s",
		len(before.counts), before.counts["audit_log"], st.Size(), dumpTook.Round(time.Millisecond), restoreTook.Round(time.Millisecond))

	// `securebase migrate up` finds nothing to do, and the app role's schema check passes.
	owner, err := pg.Open(ctx, restored.URLAs(testutil.OwnerRole), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	var applied strings.Builder
	if err := pg.MigrateUp(ctx, owner.DB, &applied); err != nil || applied.Len() > 0 {
		t.Fatalf("migrate up on the restored database: %v, applied %q; want nothing pending", err, applied.String())
	}
	if err := pg.CheckSchema(ctx, restored.App.DB); err != nil {
		t.Fatalf("schema check as %s: %v", pg.AppRole, err)
	}

	// Every table holds as many rows, the audit log is the same row for row, and the app
	// role has its grants back.
	after := snapshot(t, restored.OpenAsAdmin(t))
	if len(after.counts) != len(before.counts) {
		t.Errorf("tables: %d restored, %d in the source", len(after.counts), len(before.counts))
	}
	for table, n := range before.counts {
		if after.counts[table] != n {
			t.Errorf("%s: %d rows restored, %d in the source", table, after.counts[table], n)
		}
	}
	if after.audit != before.audit {
		t.Error("the restored audit log differs from the source's")
	}
	if after.grants != before.grants {
		t.Errorf("grants to %s:\nrestored %s\nsource   %s", pg.AppRole, after.grants, before.grants)
	}
	if after.triggers != before.triggers {
		t.Errorf("triggers: restored %s, source %s", after.triggers, before.triggers)
	}

	// The real server over the restored database: every demo account signs in, every
	// client page shows its code, and new rows (sessions, audit) get fresh ids.
	app := testutil.NewAppOn(t, restored)
	signedIn := app.Browser()
	for i, a := range accounts {
		c := app.Browser()
		if res := c.Login(a.Email, a.Password); res.Status != 303 || res.Location != "/" {
			t.Fatalf("sign in as %s on the restored database: status %d, location %q", a.Role, res.Status, res.Location)
		}
		if i == 0 {
			signedIn = c
		}
	}
	for _, c := range clients {
		res := signedIn.Get(fmt.Sprintf("/clients/%d", c.ID))
		if res.Status != 200 || !strings.Contains(res.Body, c.Code) {
			t.Errorf("client %d on the restored database: status %d, code %s shown: %v", c.ID, res.Status, c.Code, strings.Contains(res.Body, c.Code))
		}
	}
	if res := signedIn.Get("/admin/audit"); res.Status != 200 {
		t.Errorf("audit page on the restored database: status %d", res.Status)
	}
	var grown int
	if err := restored.App.Get(&grown, `SELECT count(*) FROM audit_log WHERE id > $1`, before.maxAuditID); err != nil || grown == 0 {
		t.Errorf("new audit rows after the restore: %d, %v; want the sign-ins recorded", grown, err)
	}
	var digest string
	if err := restored.OpenAsAdmin(t).Get(&digest, auditDigest+` WHERE id <= $1`, before.maxAuditID); err != nil || digest != before.audit {
		t.Errorf("the restored audit rows changed after the app wrote to it (%v)", err)
	}

	// The audit log is still append-only: the app role may not delete, and the trigger
	// refuses even the owner.
	if _, err := restored.App.Exec(`DELETE FROM audit_log`); err == nil {
		t.Errorf("%s deleted from audit_log on the restored database", pg.AppRole)
	}
	if _, err := owner.Exec(`UPDATE audit_log SET detail = 'changed'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("the owner updated audit_log on the restored database: %v", err)
	}
}

// auditDigest hashes the whole audit log, row by row, in id order.
const auditDigest = `SELECT coalesce(md5(string_agg(a::text, E'\n' ORDER BY a.id)), '') FROM audit_log a`

type state struct {
	counts     map[string]int
	audit      string
	maxAuditID int64
	grants     string
	triggers   string
}

// snapshot reads, as a superuser, what a restore must keep.
func snapshot(t *testing.T, db *sqlx.DB) state {
	t.Helper()
	s := state{counts: map[string]int{}}
	var tables []string
	if err := db.Select(&tables, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM `+pq.QuoteIdentifier(table)); err != nil {
			t.Fatal(err)
		}
		s.counts[table] = n
	}
	err := db.Get(&s.audit, auditDigest)
	if err == nil {
		err = db.Get(&s.maxAuditID, `SELECT coalesce(max(id), 0) FROM audit_log`)
	}
	if err == nil {
		err = db.Get(&s.grants, `SELECT coalesce(string_agg(table_name || ':' || privilege_type, ' ' ORDER BY table_name, privilege_type), '')
			FROM information_schema.role_table_grants WHERE grantee = $1`, pg.AppRole)
	}
	if err == nil {
		err = db.Get(&s.triggers, `SELECT coalesce(string_agg(tgname, ' ' ORDER BY tgname), '') FROM pg_trigger WHERE NOT tgisinternal`)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tool returns the path of a PostgreSQL client binary beside the server binaries, and
// fails the test (the drill must not silently skip) when it is missing.
func tool(t *testing.T, name string) string {
	t.Helper()
	dir, err := pg.FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is not in %s: the restore drill needs PostgreSQL's client binaries", name, dir)
	}
	return path
}

// run runs a PostgreSQL tool and fails the test with its output when it fails.
func run(t *testing.T, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...) //nolint:gosec // the PostgreSQL tools this drill is about
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", filepath.Base(name), err, out)
	}
}
