package web_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestAppRoleCannotUpdateOrDeleteTheAuditLog(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	if err := app.Store.RecordAudit(context.Background(), practice.ID, store.AuditEntry{Action: "test.event", Outcome: store.OutcomeSuccess}); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE audit_log SET outcome = 'failure'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
	} {
		_, err := app.DB.App.Exec(stmt)
		var pqErr *pq.Error
		if !errors.As(err, &pqErr) || pqErr.Code != "42501" {
			t.Errorf("%s as the app role: err %v, want permission denied (42501)", stmt, err)
		}
	}
	// Even the owner's UPDATE and DELETE are refused by the trigger.
	admin := app.DB.OpenAsAdmin(t)
	for _, stmt := range []string{`UPDATE audit_log SET outcome = 'failure'`, `DELETE FROM audit_log`} {
		if _, err := admin.Exec(stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s as superuser: err %v, want the append-only refusal", stmt, err)
		}
	}
	var n int
	if err := app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE action = 'test.event' AND outcome = 'success'`); err != nil || n != 1 {
		t.Fatalf("audit row after the attempts: %d (%v), want 1 unchanged", n, err)
	}
}

func TestAppRoleIsNotASuperuserAndCanUseEveryTable(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	var super bool
	if err := app.DB.App.Get(&super, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`); err != nil {
		t.Fatal(err)
	}
	if super {
		t.Fatal("the app connects as a superuser")
	}
	var missing []string
	err := app.DB.App.Select(&missing, `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT has_table_privilege(current_user, c.oid, 'SELECT')`)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("tables the app role cannot read (a migration forgot its GRANT): %v", missing)
	}
}

func TestAuditLogPageFiltersAndPaginates(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	other := app.Practice("Elsewhere")
	admin, adminUser := app.SignedIn(practice.ID, store.RoleAdmin)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		if err := app.Store.RecordAudit(ctx, practice.ID, store.AuditEntry{Action: "user.create", ActorUserID: adminUser.ID, Outcome: store.OutcomeSuccess}); err != nil {
			t.Fatal(err)
		}
	}
	if err := app.Store.RecordAudit(ctx, other.ID, store.AuditEntry{Action: "user.create", Outcome: store.OutcomeSuccess, Detail: "other-practice-marker"}); err != nil {
		t.Fatal(err)
	}

	all := admin.Get("/admin/audit")
	if all.Status != 200 || !strings.Contains(all.Body, "62 entries") { // 60 + this admin's sign-in and home page
		t.Fatalf("audit page: status %d, want 200 with 62 entries", all.Status)
	}
	if strings.Contains(all.Body, "other-practice-marker") {
		t.Fatal("another practice's audit row is shown")
	}
	if !strings.Contains(all.Body, `rel="next"`) || strings.Count(all.Body, `data-code="user.create">Added a user<`) != 50 {
		t.Fatal("first page should hold 50 rows and link to the next")
	}
	page2 := admin.Get("/admin/audit?page=2")
	if n := strings.Count(page2.Body, "<tr>") - 1; n != 12 { // minus the header row
		t.Fatalf("page 2 rows = %d, want 12", n)
	}
	filtered := admin.Get("/admin/audit?action=auth.&outcome=success")
	if !strings.Contains(filtered.Body, "1 entries match") || strings.Contains(filtered.Body, "<code>user.create</code>") {
		t.Fatal("filtering by action prefix and outcome did not narrow to the sign-in")
	}
	bad := admin.Get("/admin/audit?from=2026-13-45")
	if bad.Status != 422 || !strings.Contains(bad.Body, "Enter a date like") {
		t.Fatalf("impossible date: status %d, want 422 with a message", bad.Status)
	}
}
