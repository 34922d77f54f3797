package main

import (
	"context"
	"log/slog"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
)

// startReminders runs this instance's job queue and returns a stop function, to call after
// the HTTP server has shut down. Every instance runs workers; River elects one leader to run
// the periodic scan, which makes planned check-ins as they fall due and, when SMTP is set,
// sends reminders.
func startReminders(ctx context.Context, cfg config.Config, db *sqlx.DB, st *store.Store, log *slog.Logger) (func(), error) {
	var m mail.Sender
	if cfg.SMTPAddr != "" {
		smtp, err := mail.NewSMTP(cfg.SMTPAddr, cfg.SMTPFrom, cfg.SMTPUsername, cfg.SMTPPassword, cfg.SMTPTLS, cfg.SMTPCAFile)
		if err != nil {
			return nil, err
		}
		m = smtp
	}
	q, err := reminders.New(reminders.Options{DB: db.DB, Store: st, Mailer: m, Log: log, ScanEvery: cfg.ReminderEvery,
		PublicURL: cfg.PublicURL.String()})
	if err != nil {
		return nil, err
	}
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	log.Info("job queue started", "scan_every", cfg.ReminderEvery.String(), "reminders", m != nil)
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		if err := q.Stop(sctx); err != nil {
			log.Warn("reminders stop", "err", err)
		}
	}, nil
}
