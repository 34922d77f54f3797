package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/pg"
)

// databaseName is the database the local cluster holds.
const databaseName = "securebase"

// dbTarget says how to reach the database: the application's DSN, the schema owner's DSN
// for migrations, and the local cluster when one was started.
type dbTarget struct {
	appDSN     string
	migrateDSN string
	cluster    *pg.Cluster
}

// resolveDB uses DATABASE_URL, or MIGRATION_DATABASE_URL alone (a migration-only process,
// such as Compose's migrate service, which never gets the app's URL), when set; otherwise, with localDir, it starts (or reuses)
// the private cluster there and prepares its database and app role.
func resolveDB(ctx context.Context, cfg config.Config, localDir string, log io.Writer) (*dbTarget, error) {
	if cfg.DatabaseURL != "" || cfg.MigrationDatabaseURL != "" {
		return &dbTarget{appDSN: cfg.DatabaseURL, migrateDSN: cfg.MigrationDatabaseURL}, nil
	}
	if localDir == "" {
		return nil, errors.New("DATABASE_URL is not set; set it, or pass --local-db DIR to run a private PostgreSQL cluster in DIR")
	}
	fmt.Fprintf(log, "Starting the private PostgreSQL cluster in %s ...\n", localDir)
	cluster, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: localDir})
	if err != nil {
		return nil, err
	}
	if err := pg.Bootstrap(ctx, cluster.DSN("postgres", "postgres"), databaseName); err != nil {
		_ = cluster.Stop(context.WithoutCancel(ctx))
		return nil, err
	}
	return &dbTarget{
		appDSN:     cluster.DSN(pg.AppRole, databaseName),
		migrateDSN: cluster.DSN("postgres", databaseName),
		cluster:    cluster,
	}, nil
}

// stop stops the local cluster if this process started it.
func (t *dbTarget) stop(log *slog.Logger) {
	if t.cluster == nil {
		return
	}
	if err := t.cluster.Stop(context.Background()); err != nil {
		log.Error("stop local cluster", "err", err)
	}
}

// migrate applies pending migrations as the schema owner.
func (t *dbTarget) migrate(ctx context.Context, out io.Writer) error {
	db, err := pg.Open(ctx, t.migrateDSN, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	return pg.MigrateUp(ctx, db.DB, out)
}

// open connects as the application and refuses a schema that is behind.
func (t *dbTarget) open(ctx context.Context, maxConns int) (*sqlx.DB, error) {
	if t.appDSN == "" {
		return nil, errors.New("DATABASE_URL is not set (MIGRATION_DATABASE_URL serves migrations only)")
	}
	db, err := pg.Open(ctx, t.appDSN, maxConns)
	if err != nil {
		return nil, err
	}
	if err := pg.CheckSchema(ctx, db.DB); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}
