package store

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jmoiron/sqlx"
)

// maxPrepared bounds how many distinct queries are kept prepared. The store's queries are
// constants or a few combinations of filters; past the bound a query simply runs unprepared.
const maxPrepared = 512

// prepared runs each query of the store as a statement prepared once: PostgreSQL parses and
// plans it once per connection rather than on every run, and each run is one round trip
// where lib/pq needs two for an unprepared query with arguments. database/sql prepares a
// statement again on each new connection of the pool by itself.
type prepared struct {
	db    *sqlx.DB
	limit int // maxPrepared, lowered by tests

	mu    sync.RWMutex
	stmts map[string]*sqlx.Stmt
}

func newPrepared(db *sqlx.DB) *prepared {
	return &prepared{db: db, limit: maxPrepared, stmts: map[string]*sqlx.Stmt{}}
}

// stmt returns query's statement, preparing it on first use; nil (run it unprepared) when
// the bound is reached. No lock is held while preparing, so a slow or failing database
// delays only the callers of that one query.
func (p *prepared) stmt(ctx context.Context, query string) (*sqlx.Stmt, error) {
	p.mu.RLock()
	st, ok := p.stmts[query]
	full := len(p.stmts) >= p.limit
	p.mu.RUnlock()
	if ok || full {
		return st, nil
	}
	st, err := p.db.PreparexContext(ctx, query) //nolint:sqlclosecheck // kept open for the pool's life, in p.stmts
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if first, ok := p.stmts[query]; ok {
		_ = st.Close() //nolint:sqlclosecheck // another request prepared it meanwhile: this copy is not kept
		return first, nil
	}
	if len(p.stmts) >= p.limit {
		_ = st.Close() //nolint:sqlclosecheck // the bound was reached meanwhile: not kept
		return nil, nil
	}
	p.stmts[query] = st
	return st, nil
}

// SelectContext is sqlx's SelectContext through the query's prepared statement.
func (p *prepared) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	st, err := p.stmt(ctx, query) //nolint:sqlclosecheck // a cached statement, closed with the pool
	switch {
	case err != nil:
		return err
	case st == nil:
		return p.db.SelectContext(ctx, dest, query, args...)
	}
	return st.SelectContext(ctx, dest, args...)
}

// GetContext is sqlx's GetContext through the query's prepared statement.
func (p *prepared) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	st, err := p.stmt(ctx, query) //nolint:sqlclosecheck // a cached statement, closed with the pool
	switch {
	case err != nil:
		return err
	case st == nil:
		return p.db.GetContext(ctx, dest, query, args...)
	}
	return st.GetContext(ctx, dest, args...)
}

// ExecContext is ExecContext through the query's prepared statement.
func (p *prepared) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.stmt(ctx, query) //nolint:sqlclosecheck // a cached statement, closed with the pool
	if err != nil {
		return nil, err
	}
	if st == nil {
		return p.db.ExecContext(ctx, query, args...)
	}
	return st.ExecContext(ctx, args...)
}

// selection is one query of a batch, with where its rows go.
type selection struct {
	dest  any
	query string
	args  []any
}

// selectSnapshot runs the selections in one read-only REPEATABLE READ transaction, so that
// they all see the same data (read-only, it can never fail with a serialisation error), through
// their prepared statements with generic plans: a plan made once per connection rather than
// one made for each run's arguments, which for the dashboard's short queries costs more than
// running them. The statements are prepared before the transaction
// begins, so that it never waits for a second connection of the pool while holding one.
func (p *prepared) selectSnapshot(ctx context.Context, sels []selection) error {
	stmts := make([]*sqlx.Stmt, len(sels))
	for i, s := range sels {
		st, err := p.stmt(ctx, s.query) //nolint:sqlclosecheck // a cached statement
		if err != nil {
			return err
		}
		stmts[i] = st
	}
	tx, err := p.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_generic_plan`); err != nil {
		return err
	}
	for i, s := range sels {
		if stmts[i] == nil {
			err = tx.SelectContext(ctx, s.dest, s.query, s.args...)
		} else {
			err = tx.StmtxContext(ctx, stmts[i]).SelectContext(ctx, s.dest, s.args...) //nolint:sqlclosecheck // closed with the transaction
		}
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

// BeginTxx starts a transaction on the pool; statements inside it run unprepared.
func (p *prepared) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*sqlx.Tx, error) {
	return p.db.BeginTxx(ctx, opts)
}

// PingContext checks that the database answers.
func (p *prepared) PingContext(ctx context.Context) error { return p.db.PingContext(ctx) }
