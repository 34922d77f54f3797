package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Practice is one counselling practice: the unit of tenancy.
type Practice struct {
	ID        int64     `db:"id"`
	Name      string    `db:"name"`
	TimeZone  string    `db:"time_zone"`
	CreatedAt time.Time `db:"created_at"`
}

// CreatePractice adds a practice with its client counter and default markers, in one
// transaction; ErrConflict when the name is taken.
func (s *Store) CreatePractice(ctx context.Context, name string) (Practice, error) {
	var p Practice
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := txGet(ctx, tx, s.q.CreatePractice, &p, name); err != nil {
			return mapErr("create practice", err)
		}
		_, err := txExec(ctx, tx, s.q.StartPracticeRows, p.ID)
		return mapErr("start practice", err)
	})
	return p, err
}

// Practice returns the practice with id practiceID.
func (s *Store) Practice(ctx context.Context, practiceID int64) (Practice, error) {
	var p Practice
	err := s.q.Practice.GetContext(ctx, &p, practiceID)
	return p, mapErr("practice", err)
}

// PracticeByName finds a practice by its name, ignoring case. Used by the command line only.
func (s *Store) PracticeByName(ctx context.Context, name string) (Practice, error) {
	var p Practice
	err := s.q.PracticeByName.GetContext(ctx, &p, name)
	return p, mapErr("practice by name", err)
}

// CountPractices counts all practices; the demo seeds only an empty database.
func (s *Store) CountPractices(ctx context.Context) (int, error) {
	var n int
	err := s.q.CountPractices.GetContext(ctx, &n)
	return n, mapErr("count practices", err)
}

// PracticeSettings are what an admin may change about the practice.
type PracticeSettings struct {
	TimeZone          string `db:"time_zone"`
	NameOnClientPages bool   `db:"name_on_client_pages"`
	RetentionYears    int    `db:"retention_years"`    // years a record is kept after care ends; 0: none
	PINBeforeForms    bool   `db:"pin_before_forms"`   // clients enter their PIN before any form opens
	LinksInReminders  bool   `db:"links_in_reminders"` // a reminder email carries the client's link (off: no link)
}

// Settings returns the practice's settings.
func (s *Store) Settings(ctx context.Context, practiceID int64) (PracticeSettings, error) {
	var ps PracticeSettings
	err := s.q.Settings.GetContext(ctx, &ps, practiceID)
	return ps, mapErr("practice settings", err)
}

// TwoFactorRequired reports whether the practice requires every staff member to use two-factor sign-in.
func (s *Store) TwoFactorRequired(ctx context.Context, practiceID int64) (bool, error) {
	var on bool
	err := s.q.TwoFactorRequired.GetContext(ctx, &on, practiceID)
	return on, mapErr("two-factor required", err)
}

// SaveSettings saves the practice's settings and its two-factor requirement in one
// transaction. Requiring two-factor ends the sessions of staff who have not set it up, so
// that they enrol when they next sign in; it returns how many sessions ended.
func (s *Store) SaveSettings(ctx context.Context, practiceID int64, ps PracticeSettings, requireTwoFactor bool) (ended int64, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SaveSettings, practiceID, ps.TimeZone, ps.NameOnClientPages, requireTwoFactor, ps.RetentionYears, ps.PINBeforeForms, ps.LinksInReminders)
		if err := affected("save practice settings", res, err); err != nil || !requireTwoFactor {
			return err
		}
		res, err = txExec(ctx, tx, s.q.EndSessionsWithoutTwoFactor, practiceID)
		if err != nil {
			return mapErr("end sessions without two-factor", err)
		}
		ended, err = res.RowsAffected()
		return err
	})
	return ended, err
}

// PseudonymKey returns the practice's pseudonym key, storing fresh (a new random key) first
// when the practice has none yet; of two requests racing, the first key stored wins.
func (s *Store) PseudonymKey(ctx context.Context, practiceID int64, fresh []byte) ([]byte, error) {
	var key []byte
	err := s.q.PseudonymKey.GetContext(ctx, &key, practiceID)
	if err != nil || key != nil {
		return key, mapErr("pseudonym key", err)
	}
	err = s.q.EnsurePseudonymKey.GetContext(ctx, &key, practiceID, fresh)
	return key, mapErr("pseudonym key", err)
}

// RotatePseudonymKey replaces the practice's pseudonym key, with its audit entry in the same
// transaction: files made before and after no longer share a code.
func (s *Store) RotatePseudonymKey(ctx context.Context, practiceID int64, key []byte, audit AuditEntry) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.RotatePseudonymKey, practiceID, key)
		if err := affected("rotate pseudonym key", res, err); err != nil {
			return err
		}
		return s.recordAudit(ctx, tx, practiceID, audit)
	})
}
