package pg_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/testutil"
)

func TestMigrationsApplyToAnEmptyDatabaseAndTheSchemaCheckFollows(t *testing.T) {
	ctx := context.Background()
	dsn := testutil.NewEmptyDatabase(t)
	db, err := pg.Open(ctx, dsn, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	if err := pg.CheckSchema(ctx, db.DB); !errors.Is(err, pg.ErrSchemaBehind) {
		t.Fatalf("CheckSchema on an empty database = %v, want ErrSchemaBehind", err)
	}
	var out strings.Builder
	if err := pg.MigrateUp(ctx, db.DB, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "applied 0001_foundation.sql") {
		t.Fatalf("migrate up printed %q", out.String())
	}
	if err := pg.CheckSchema(ctx, db.DB); err != nil {
		t.Fatalf("CheckSchema after migrating: %v", err)
	}
	for _, table := range []string{"practices", "users", "sessions", "login_attempts", "audit_log"} {
		var exists bool
		if err := db.Get(&exists, `SELECT to_regclass($1) IS NOT NULL`, table); err != nil || !exists {
			t.Errorf("table %s missing after migration (%v)", table, err)
		}
	}
	// Running again applies nothing and fails nothing.
	out.Reset()
	if err := pg.MigrateUp(ctx, db.DB, &out); err != nil || out.Len() != 0 {
		t.Fatalf("second migrate up: %v, printed %q", err, out.String())
	}
	var status strings.Builder
	if err := pg.MigrationStatus(ctx, db.DB, &status); err != nil || !strings.Contains(status.String(), "applied 20") {
		t.Fatalf("status: %v %q", err, status.String())
	}

	// The app role can check the schema but cannot change it.
	u, _ := url.Parse(dsn)
	u.User = url.User(pg.AppRole)
	app, err := pg.Open(ctx, u.String(), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := pg.CheckSchema(ctx, app.DB); err != nil {
		t.Fatalf("CheckSchema as the app role: %v", err)
	}
	if _, err := app.Exec(`CREATE TABLE sneaky (id int)`); err == nil {
		t.Fatal("the app role may create tables")
	}
}
