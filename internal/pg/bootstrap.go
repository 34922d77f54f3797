package pg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// AppRole is the role the application connects as: never a superuser, and granted
// only what the migrations grant it.
const AppRole = "securebase_app"

// Bootstrap makes sure database exists and that AppRole can log in. adminDSN must be a
// superuser connection to another database of the same server (usually "postgres").
func Bootstrap(ctx context.Context, adminDSN, database string) error {
	db, err := Open(ctx, adminDSN, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := EnsureAppRole(ctx, db); err != nil {
		return err
	}
	var dbExists bool
	if err := db.GetContext(ctx, &dbExists, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, database); err != nil {
		return fmt.Errorf("pg: bootstrap: %w", err)
	}
	if !dbExists {
		if _, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(database)); err != nil && !isDuplicate(err) {
			return fmt.Errorf("pg: bootstrap database: %w", err)
		}
	}
	return nil
}

// isDuplicate reports a concurrent creation of the same role or database.
func isDuplicate(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && (pqErr.Code == "42710" || pqErr.Code == "42P04" || pqErr.Code == "23505")
}

// EnsureAppRole creates AppRole, able to log in, or gives the existing role LOGIN.
// db must be a superuser connection.
// Several processes may do this at once (test binaries run in parallel), so it changes
// nothing when the role is already as wanted, and retries a concurrent update.
func EnsureAppRole(ctx context.Context, db *sqlx.DB) error {
	for attempt := 0; ; attempt++ {
		var canLogin sql.NullBool
		if err := db.GetContext(ctx, &canLogin, `SELECT (SELECT rolcanlogin FROM pg_roles WHERE rolname = $1)`, AppRole); err != nil {
			return fmt.Errorf("pg: app role: %w", err)
		}
		if canLogin.Valid && canLogin.Bool {
			return nil
		}
		stmt := "CREATE ROLE " + pq.QuoteIdentifier(AppRole) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
		if canLogin.Valid {
			stmt = "ALTER ROLE " + pq.QuoteIdentifier(AppRole) + " LOGIN"
		}
		_, err := db.ExecContext(ctx, stmt)
		var pqErr *pq.Error
		switch {
		case err == nil, isDuplicate(err):
			return nil
		case errors.As(err, &pqErr) && pqErr.Code == "XX000" && attempt < 5: // "tuple concurrently updated"
			continue
		default:
			return fmt.Errorf("pg: app role: %w", err)
		}
	}
}
