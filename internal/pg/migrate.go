package pg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	sqlfiles "github.com/securebase/securebase/sql"
)

// ErrSchemaBehind means the database lacks migrations that this binary ships.
var ErrSchemaBehind = errors.New("database schema is behind this binary: run `securebase migrate up` or serve with --migrate")

func provider(db *sql.DB) (*goose.Provider, error) {
	fsys, err := fs.Sub(sqlfiles.Migrations, sqlfiles.MigrationsDir)
	if err != nil {
		return nil, err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(locker))
}

// MigrateUp applies every pending migration, goose's and then River's, and writes one line per applied file to out.
func MigrateUp(ctx context.Context, db *sql.DB, out io.Writer) error {
	p, err := provider(db)
	if err != nil {
		return fmt.Errorf("pg: migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("pg: migrate up: %w", err)
	}
	for _, r := range results {
		fmt.Fprintf(out, "applied %s in %s\n", r.Source.Path, r.Duration.Round(1e6))
	}
	return migrateRiver(ctx, db, out)
}

// MigrationStatus writes each migration with when it was applied, or "pending".
func MigrationStatus(ctx context.Context, db *sql.DB, out io.Writer) error {
	p, err := provider(db)
	if err != nil {
		return fmt.Errorf("pg: migrations: %w", err)
	}
	statuses, err := p.Status(ctx)
	if err != nil {
		return fmt.Errorf("pg: migration status: %w", err)
	}
	for _, s := range statuses {
		when := "pending"
		if s.State == goose.StateApplied {
			when = "applied " + s.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
		}
		fmt.Fprintf(out, "%-40s %s\n", s.Source.Path, when)
	}
	return nil
}

// CheckSchema returns ErrSchemaBehind when migrations are pending. It only reads, so the
// application role (which cannot create tables) may call it.
func CheckSchema(ctx context.Context, db *sql.DB) error {
	p, err := provider(db)
	if err != nil {
		return fmt.Errorf("pg: migrations: %w", err)
	}
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('goose_db_version') IS NOT NULL`).Scan(&exists); err != nil {
		return fmt.Errorf("pg: schema check: %w", err)
	}
	if !exists {
		return ErrSchemaBehind
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return fmt.Errorf("pg: schema check: %w", err)
	}
	if current < target {
		return fmt.Errorf("%w (database at %d, binary at %d)", ErrSchemaBehind, current, target)
	}
	return checkRiver(ctx, db)
}
