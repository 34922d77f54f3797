package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web"
	"github.com/securebase/securebase/internal/web/account"
)

func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	migrate := fs.Bool("migrate", false, "apply pending migrations before serving")
	seed := fs.Bool("demo", false, "on an empty database, create the demo practice and print its sign-ins")
	localDir := fs.String("local-db", "", "without DATABASE_URL, run a private PostgreSQL cluster in this directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	target, err := resolveDB(ctx, cfg, *localDir, stdout)
	if err != nil {
		return err
	}
	defer target.stop(log) // after the server and the pool are closed
	if *migrate {
		if err := target.migrate(ctx, stdout); err != nil {
			return err
		}
	}
	db, err := target.open(ctx, cfg.DBMaxConns)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := store.New(db)
	if err != nil {
		return err
	}
	defer func() { _ = st.Close() }()
	passwords, err := auth.NewPasswords(auth.DefaultParams)
	if err != nil {
		return err
	}
	var seeded *demo.Seeded
	if *seed {
		if seeded, err = demo.Seed(ctx, st, passwords); err != nil {
			return err
		}
	}
	keys, err := secretKeys(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	srv, err := web.New(web.Options{Config: cfg, Store: st, Logger: log, Passwords: passwords, Version: version, Keys: keys})
	if err != nil {
		return err
	}
	go sweep(ctx, st, log)
	stopReminders, err := startReminders(ctx, cfg, db, st, log)
	if err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	defer stopReminders() // after the HTTP server has stopped
	if cfg.DebugAddr != "" {
		if err := serveDebug(ctx, cfg.DebugAddr, log); err != nil {
			return fmt.Errorf("DEBUG_ADDR: %w", err)
		}
	}
	if cfg.MetricsAddr != "" {
		if err := serveMetrics(ctx, cfg.MetricsAddr, srv.MetricsHandler(), log); err != nil {
			return fmt.Errorf("METRICS_ADDR: %w", err)
		}
	}
	if seeded != nil { // last, so the sign-ins are not lost among the start-up lines
		demo.Print(stdout, cfg.PublicURL.String(), seeded)
	}
	return listen(ctx, srv.HTTPServer(cfg.ListenAddr), cfg, log, stdout)
}

// listen serves until ctx ends (Ctrl-C or SIGTERM), then stops accepting connections and
// lets in-flight requests finish within the shutdown timeout.
func listen(ctx context.Context, hs *http.Server, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.ListenAndServe() }()
	fmt.Fprintf(stdout, "Secure Base %s is serving on %s (listening on %s). Press Ctrl-C to stop.\n", version, cfg.PublicURL, cfg.ListenAddr)
	log.Info("serving", "addr", cfg.ListenAddr, "version", version)
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "Stopped.")
	return nil
}

// sweep deletes expired sessions, old sign-in attempts and throttles, and devices unused for
// longer than their cookie lives, every ten minutes.
func sweep(ctx context.Context, st *store.Store, log *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if _, err := st.DeleteExpiredSessions(ctx); err != nil && ctx.Err() == nil {
			log.Warn("sweep sessions", "err", err)
		}
		if err := st.DeleteLoginAttemptsBefore(ctx, time.Now().Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			log.Warn("sweep login attempts", "err", err)
		}
		if err := st.DeleteDevicesUnusedSince(ctx, time.Now().Add(-account.DeviceCookieAge)); err != nil && ctx.Err() == nil {
			log.Warn("sweep known devices", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
