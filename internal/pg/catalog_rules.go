package pg

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	sqlfiles "github.com/securebase/securebase/sql"
)

// allowedTarget says whether a foreign key may point from a table placed so to one placed
// so: Citus allows distributed → distributed (co-located, on the distribution column) and
// → reference, reference → reference, and local → local or reference.
func allowedTarget(from, to sqlfiles.Placement) bool {
	switch from {
	case sqlfiles.Distributed:
		return to == sqlfiles.Distributed || to == sqlfiles.Reference
	case sqlfiles.Reference:
		return to == sqlfiles.Reference
	default:
		return to == sqlfiles.Local || to == sqlfiles.Reference
	}
}

// checkForeignKeys: a foreign key points to a placement Citus allows, and one between two
// distributed tables pairs practice_id with practice_id.
func checkForeignKeys(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var fks []struct {
		Name   string `db:"conname"`
		From   string `db:"from_table"`
		To     string `db:"to_table"`
		Cols   string `db:"cols"`
		RefCol string `db:"ref_cols"`
	}
	if err := db.SelectContext(ctx, &fks, `SELECT k.conname, s.relname AS from_table, t.relname AS to_table,
			(SELECT string_agg(a.attname, ',' ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY u(num, n)
				JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num) AS cols,
			(SELECT string_agg(a.attname, ',' ORDER BY u.n) FROM unnest(k.confkey) WITH ORDINALITY u(num, n)
				JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num) AS ref_cols
		FROM pg_constraint k JOIN pg_class s ON s.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
		WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`); err != nil {
		return nil, fmt.Errorf("catalog foreign keys: %w", err)
	}
	var problems []string
	for _, fk := range fks {
		from, to := l.Tables[fk.From], l.Tables[fk.To]
		if from == "" || to == "" {
			continue // reported as unclassified
		}
		if !allowedTarget(from, to) {
			problems = append(problems, fmt.Sprintf("%s: foreign key %s points from a %s table to %s table %s", fk.From, fk.Name, from, to, fk.To))
			continue
		}
		if from != sqlfiles.Distributed || to != sqlfiles.Distributed {
			continue
		}
		cols, refs := strings.Split(fk.Cols, ","), strings.Split(fk.RefCol, ",")
		at := slices.Index(cols, "practice_id")
		if at < 0 || refs[at] != "practice_id" {
			problems = append(problems, fmt.Sprintf("%s: foreign key %s (%s) to distributed %s does not pair practice_id with practice_id", fk.From, fk.Name, fk.Cols, fk.To))
		}
	}
	return problems, nil
}

// checkTriggers: no statement-level trigger anywhere (Citus runs none on a distributed
// table), and a row trigger on a distributed or reference table only when declared shard-safe
// or pending the next contract migration.
func checkTriggers(ctx context.Context, db *sqlx.DB, l Layout) ([]string, error) {
	var trs []struct {
		Table  string `db:"relname"`
		Name   string `db:"tgname"`
		PerRow bool   `db:"per_row"`
	}
	if err := db.SelectContext(ctx, &trs, `SELECT c.relname, t.tgname, (t.tgtype & 1) = 1 AS per_row
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`); err != nil {
		return nil, fmt.Errorf("catalog triggers: %w", err)
	}
	var problems []string
	for _, tr := range trs {
		switch p := l.Tables[tr.Table]; {
		case !tr.PerRow:
			problems = append(problems, fmt.Sprintf("%s: statement-level trigger %s", tr.Table, tr.Name))
		case p == sqlfiles.Distributed || p == sqlfiles.Reference:
			_, safe := l.Triggers[tr.Table+"."+tr.Name]
			if _, pending := l.Pending[tr.Table+"."+tr.Name]; !safe && !pending {
				problems = append(problems, fmt.Sprintf("%s: row trigger %s on a %s table is not declared shard-safe in sql/tables.go", tr.Table, tr.Name, p))
			}
		}
	}
	return problems, nil
}
