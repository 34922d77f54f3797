// Package store holds all SQL of Secure Base, in queries/<aggregate>.sql as named blocks that
// New prepares once, as the struct of statements in queries.go; no Go code writes SQL. Every
// method that reads or changes a practice's data takes (ctx, practiceID, ...) and puts
// practice_id in its WHERE clause.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ErrNotFound means no row matched within the caller's practice.
var ErrNotFound = errors.New("not found")

// ErrConflict means a uniqueness rule or a concurrent change refused the write.
var ErrConflict = errors.New("conflict")

// Store is the data layer over one connection pool.
type Store struct {
	pool *sqlx.DB
	q    *queries // every statement of queries/*.sql, prepared when the store opens
	rows jsonRowTypes
}

// New returns a Store over db, whose schema must be migrated: it prepares every query of
// queries/*.sql and fails, as a missing template does, if one is refused, missing or unused.
func New(db *sqlx.DB) (*Store, error) {
	q, err := prepareQueries(db, queryFiles)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &Store{pool: db, q: q}, nil
}

// Close closes the prepared statements (not the pool, which the caller owns).
func (s *Store) Close() error {
	v := reflect.ValueOf(s.q).Elem()
	var first error
	for i := range v.NumField() {
		if st, ok := v.Field(i).Interface().(*sqlx.Stmt); ok && st != nil {
			if err := st.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.PingContext(ctx) }

// SelectOne runs SELECT 1 through the pool: the floor under every page, for the HTTP benchmark's ceiling.
func (s *Store) SelectOne(ctx context.Context) error {
	var one int
	return mapErr("select one", s.q.SelectOne.GetContext(ctx, &one))
}

// OpenAttentionTotal counts the open attention items of every practice: the queue's depth,
// for metrics.
func (s *Store) OpenAttentionTotal(ctx context.Context) (int64, error) {
	var n int64
	return n, mapErr("open attention total", s.q.OpenAttentionTotal.GetContext(ctx, &n))
}

// JobsWaitingTotal counts the job queue's unfinished jobs: its depth, for metrics.
func (s *Store) JobsWaitingTotal(ctx context.Context) (int64, error) {
	var n int64
	return n, mapErr("jobs waiting total", s.q.JobsWaitingTotal.GetContext(ctx, &n))
}

// DB returns the pool, for health checks and benchmarks that need a bare query.
func (s *Store) DB() *sqlx.DB { return s.pool }

// mapErr turns driver errors into the store's sentinel errors and wraps the rest.
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "23505" {
		return fmt.Errorf("%s: %w", op, ErrConflict)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// affected returns ErrNotFound when a write touched no row.
func affected(op string, res sql.Result, err error) error {
	if err != nil {
		return mapErr(op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.pool.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// txGet is st's GetContext inside tx. database/sql prepares st on the transaction's
// connection once, the first time that connection runs it, and keeps it for the next time.
func txGet(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, dest any, args ...any) error {
	return tx.StmtxContext(ctx, st).GetContext(ctx, dest, args...) //nolint:sqlclosecheck // closed with the transaction
}

// txSelect is st's SelectContext inside tx.
func txSelect(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, dest any, args ...any) error {
	return tx.StmtxContext(ctx, st).SelectContext(ctx, dest, args...) //nolint:sqlclosecheck // closed with the transaction
}

// txExec is st's ExecContext inside tx.
func txExec(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, args ...any) (sql.Result, error) {
	return tx.StmtxContext(ctx, st).ExecContext(ctx, args...) //nolint:sqlclosecheck // closed with the transaction
}

// txQuery is st's QueryxContext inside tx; the caller closes the rows.
func txQuery(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, args ...any) (*sqlx.Rows, error) {
	return tx.StmtxContext(ctx, st).QueryxContext(ctx, args...) //nolint:sqlclosecheck // closed with the transaction
}

// nullID maps 0 to NULL.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// nullTime maps the zero time to NULL.
func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }

// nullString maps "" to NULL.
func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// stringArray passes a []string as a PostgreSQL text[]; nil becomes an empty array, not NULL.
func stringArray(s []string) pq.StringArray {
	if s == nil {
		return pq.StringArray{}
	}
	return pq.StringArray(s)
}
