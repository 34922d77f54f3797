package pg

import (
	"context"
	"fmt"
	"sort"

	"github.com/jmoiron/sqlx"

	sqlfiles "github.com/securebase/securebase/sql"
)

// Layout is the placement of every table and the row triggers allowed on shards, as
// declared in sql/tables.go.
type Layout struct {
	Tables   map[string]sqlfiles.Placement
	Triggers map[string]string // "table.trigger" → why it is shard-safe
	Pending  map[string]string // "table.trigger" → why it stays until the next contract migration
}

// DeclaredLayout returns the layout sql/tables.go declares.
func DeclaredLayout() Layout {
	return Layout{Tables: sqlfiles.Tables(), Triggers: sqlfiles.ShardTriggers(), Pending: sqlfiles.ContractPending()}
}

// CheckCatalog reads the public schema's catalog (pg_class, pg_attribute, pg_index,
// pg_constraint, pg_trigger) and returns every break of the Citus rules of docs/scale-out.md,
// sorted; none means the schema can be distributed by practice_id as declared.
func CheckCatalog(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var problems []string
	for _, check := range []func(context.Context, *sqlx.DB, Layout) ([]string, error){
		checkTables, checkPracticeColumns, checkUniqueIndexes, checkForeignKeys, checkTriggers,
	} {
		p, err := check(ctx, db, l)
		if err != nil {
			return nil, err
		}
		problems = append(problems, p...)
	}
	sort.Strings(problems)
	return problems, nil
}

// checkTables: every table is declared, and every declared table exists.
func checkTables(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var names []string
	if err := db.SelectContext(ctx, &names, `SELECT relname FROM pg_class
		WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`); err != nil {
		return nil, fmt.Errorf("catalog tables: %w", err)
	}
	var problems []string
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
		if _, ok := l.Tables[n]; !ok {
			problems = append(problems, n+": table is not classified in sql/tables.go")
		}
	}
	for n := range l.Tables {
		if !seen[n] {
			problems = append(problems, n+": declared in sql/tables.go but no such table")
		}
	}
	return problems, nil
}

// checkPracticeColumns: a distributed table has practice_id bigint NOT NULL.
func checkPracticeColumns(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var cols []struct {
		Table   string  `db:"relname"`
		Type    *string `db:"type"`
		NotNull *bool   `db:"attnotnull"`
	}
	if err := db.SelectContext(ctx, &cols, `SELECT c.relname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
		FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'practice_id' AND NOT a.attisdropped
		WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`); err != nil {
		return nil, fmt.Errorf("catalog columns: %w", err)
	}
	var problems []string
	for _, c := range cols {
		if l.Tables[c.Table] != sqlfiles.Distributed {
			continue
		}
		switch {
		case c.Type == nil:
			problems = append(problems, c.Table+": distributed table has no practice_id column")
		case *c.Type != "bigint":
			problems = append(problems, fmt.Sprintf("%s: practice_id is %s, not bigint (co-location needs one type)", c.Table, *c.Type))
		}
		if c.NotNull != nil && !*c.NotNull {
			problems = append(problems, c.Table+": practice_id may be NULL")
		}
	}
	return problems, nil
}

// checkUniqueIndexes: on a distributed table, every primary key, unique index and exclusion
// constraint starts with practice_id.
func checkUniqueIndexes(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var idx []struct {
		Table string  `db:"relname"`
		Index string  `db:"index"`
		First *string `db:"first"`
	}
	if err := db.SelectContext(ctx, &idx, `SELECT c.relname, i.indexrelid::regclass::text AS index,
			(SELECT attname FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[0]) AS first
		FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
		WHERE c.relnamespace = 'public'::regnamespace AND (i.indisunique OR i.indisexclusion)`); err != nil {
		return nil, fmt.Errorf("catalog indexes: %w", err)
	}
	var problems []string
	for _, i := range idx {
		if l.Tables[i.Table] == sqlfiles.Distributed && (i.First == nil || *i.First != "practice_id") {
			problems = append(problems, fmt.Sprintf("%s: unique index %s does not start with practice_id", i.Table, i.Index))
		}
	}
	return problems, nil
}
