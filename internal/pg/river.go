package pg

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
)

// RiverSchema is the schema the job queue (River) keeps its tables in, apart from the
// practice tables: migration 0038 creates it and grants the application role its rights.
const RiverSchema = "river"

func riverMigrator(db *sql.DB) (*rivermigrate.Migrator[*sql.Tx], error) {
	m, err := rivermigrate.New(riverdatabasesql.New(db), &rivermigrate.Config{Schema: RiverSchema})
	if err != nil {
		return nil, fmt.Errorf("pg: river migrations: %w", err)
	}
	return m, nil
}

// migrateRiver applies River's own migrations (its job tables), after goose's, and writes
// one line per applied version to out.
func migrateRiver(ctx context.Context, db *sql.DB, out io.Writer) error {
	m, err := riverMigrator(db)
	if err != nil {
		return err
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("pg: river migrate up: %w", err)
	}
	for _, v := range res.Versions {
		fmt.Fprintf(out, "applied river %03d_%s in %s\n", v.Version, v.Name, v.Duration.Round(1e6))
	}
	return nil
}

// checkRiver returns ErrSchemaBehind when River's migrations are pending.
func checkRiver(ctx context.Context, db *sql.DB) error {
	m, err := riverMigrator(db)
	if err != nil {
		return err
	}
	res, err := m.Validate(ctx, nil)
	if err != nil {
		return fmt.Errorf("pg: river schema check: %w", err)
	}
	if !res.OK {
		return fmt.Errorf("%w (job queue: %s)", ErrSchemaBehind, strings.Join(res.Messages, "; "))
	}
	return nil
}

// riverVersions names River's migrations, for the hash of the schema.
func riverVersions() string {
	m, err := riverMigrator(nil)
	if err != nil {
		return "river: " + err.Error()
	}
	var b strings.Builder
	for _, v := range m.AllVersions() {
		fmt.Fprintf(&b, "river %d %s\n", v.Version, v.SQLUp)
	}
	return b.String()
}
