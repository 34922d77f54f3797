// Package pg connects to PostgreSQL, applies the embedded migrations, and runs the
// private local cluster used by `make run` and `make test`.
package pg

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver, registered as "postgres"
)

// Open connects to dsn with a pool of at most maxConns connections and checks it answers.
func Open(ctx context.Context, dsn string, maxConns int) (*sqlx.DB, error) {
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("pg: open: %w", err)
	}
	db.SetMaxOpenConns(maxConns)
	// As many idle connections as open ones: a smaller idle pool churns connections
	// under load and multiplies tail latency.
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("pg: connect: %w", err)
	}
	return db, nil
}
