package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/store"
)

// demoResetUsage says what `securebase demo reset` does and where it may run.
const demoResetUsage = "usage: securebase demo reset --local-db DIR (only the private cluster, never DATABASE_URL)"

// demoCmd runs `securebase demo reset`: it drops the private cluster's database, makes it
// again, migrates it, seeds the demo and prints its sign-ins and client link once more.
// It refuses a database that holds any practice but the demo's, and a server still using it.
func demoCmd(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "reset" {
		return errors.New(demoResetUsage)
	}
	fs := flag.NewFlagSet("demo reset", flag.ContinueOnError)
	localDir := fs.String("local-db", "", "the private cluster's directory")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	if cfg.DatabaseURL != "" || *localDir == "" {
		return errors.New(demoResetUsage)
	}
	target, err := resolveDB(ctx, cfg, *localDir, stdout)
	if err != nil {
		return err
	}
	defer target.stop(slog.New(slog.DiscardHandler))
	if err := onlyTheDemo(ctx, target); err != nil {
		return err
	}
	if err := recreateDatabase(ctx, target); err != nil {
		return err
	}
	if err := target.migrate(ctx, io.Discard); err != nil {
		return err
	}
	seeded, err := seedDemo(ctx, target)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "The demo is back as new.")
	demo.Print(stdout, cfg.PublicURL.String(), seeded)
	return nil
}

// onlyTheDemo refuses to reset a database that holds a practice other than the demo's.
func onlyTheDemo(ctx context.Context, target *dbTarget) error {
	db, err := pg.Open(ctx, target.migrateDSN, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	var hasPractices bool
	if err := db.GetContext(ctx, &hasPractices, `SELECT to_regclass('practices') IS NOT NULL`); err != nil || !hasPractices {
		return err
	}
	var others int
	if err := db.GetContext(ctx, &others, `SELECT count(*) FROM practices WHERE name <> $1`, demo.PracticeName); err != nil {
		return fmt.Errorf("demo reset: %w", err)
	}
	if others > 0 {
		return fmt.Errorf("demo reset: this database holds %d practice(s) besides the demo; nothing was changed", others)
	}
	return nil
}

// recreateDatabase drops the cluster's database and makes it again, empty. A server still
// connected makes DROP DATABASE fail, which is the message the user needs.
func recreateDatabase(ctx context.Context, target *dbTarget) error {
	admin, err := pg.Open(ctx, target.cluster.DSN("postgres", "postgres"), 1)
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(databaseName)); err != nil {
		return fmt.Errorf("demo reset: stop the running server (make run) first: %w", err)
	}
	return pg.Bootstrap(ctx, target.cluster.DSN("postgres", "postgres"), databaseName)
}

// seedDemo creates the demo practice in the new database as the application.
func seedDemo(ctx context.Context, target *dbTarget) (*demo.Seeded, error) {
	db, err := target.open(ctx, 2)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	st, err := store.New(db)
	if err != nil {
		return nil, err
	}
	defer func() { _ = st.Close() }()
	passwords, err := auth.NewPasswords(auth.DefaultParams)
	if err != nil {
		return nil, err
	}
	return demo.Seed(ctx, st, passwords)
}
