package pg_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/testutil"
	sqlfiles "github.com/securebase/securebase/sql"
)

// After every migration, the catalog keeps the Citus rules of docs/scale-out.md: each table
// is placed in sql/tables.go, and none breaks the rules of its placement.
func TestCatalogKeepsTheCitusRules(t *testing.T) {
	db := testutil.NewDatabase(t).OpenAsAdmin(t)
	problems, err := pg.CheckCatalog(context.Background(), db, pg.DeclaredLayout())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("the migrated schema breaks the Citus rules:\n%s", strings.Join(problems, "\n"))
	}
}

// The check can fail: a table of no placement, and a distributed table breaking each rule,
// are each reported by name.
func TestCatalogCheckReportsABadTable(t *testing.T) {
	ctx := context.Background()
	db := testutil.NewDatabase(t).OpenAsAdmin(t)
	for _, stmt := range []string{
		`CREATE TABLE stray_notes (id bigint PRIMARY KEY)`,
		`CREATE TABLE bad_parents (practice_id integer, id bigint PRIMARY KEY, code text UNIQUE)`,
		`CREATE TABLE bad_children (practice_id bigint NOT NULL, id bigint, parent_id bigint REFERENCES bad_parents (id),
			session_token bytea REFERENCES sessions (token_hash), PRIMARY KEY (practice_id, id))`,
		`CREATE FUNCTION bad_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
		`CREATE TRIGGER bad_children_count AFTER INSERT ON bad_children FOR EACH STATEMENT EXECUTE FUNCTION bad_touch()`,
		`CREATE TRIGGER bad_children_touch AFTER INSERT ON bad_children FOR EACH ROW EXECUTE FUNCTION bad_touch()`,
		`CREATE UNIQUE INDEX bad_children_parent_key ON bad_children (parent_id, practice_id)`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	layout := pg.DeclaredLayout()
	layout.Tables["bad_parents"] = sqlfiles.Distributed
	layout.Tables["bad_children"] = sqlfiles.Distributed
	layout.Tables["gone_table"] = sqlfiles.Reference
	problems, err := pg.CheckCatalog(ctx, db, layout)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bad_children: foreign key bad_children_parent_id_fkey (parent_id) to distributed bad_parents does not pair practice_id with practice_id",
		"bad_children: foreign key bad_children_session_token_fkey points from a distributed table to local table sessions",
		"bad_children: row trigger bad_children_touch on a distributed table is not declared shard-safe in sql/tables.go",
		"bad_children: statement-level trigger bad_children_count",
		"bad_children: unique index bad_children_parent_key does not start with practice_id",
		"bad_parents: practice_id is integer, not bigint (co-location needs one type)",
		"bad_parents: practice_id may be NULL",
		"bad_parents: unique index bad_parents_code_key does not start with practice_id",
		"bad_parents: unique index bad_parents_pkey does not start with practice_id",
		"gone_table: declared in sql/tables.go but no such table",
		"stray_notes: table is not classified in sql/tables.go",
	}
	if !slices.Equal(problems, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}
