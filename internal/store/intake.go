package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// IntakeVersion is one saved version of a client's intake; Data is the whole intake as JSON.
type IntakeVersion struct {
	Version     int       `db:"version"`
	Section     string    `db:"section"`
	Data        []byte    `db:"data"`
	SavedBy     int64     `db:"saved_by"`
	SavedByName string    `db:"saved_by_name"`
	SavedAt     time.Time `db:"saved_at"`
}

// RiskFlagInput raises a flag together with an intake save.
type RiskFlagInput struct {
	Source  string
	Summary string
	Audit   AuditEntry // written in the same transaction when the flag opens
}

// LatestIntake returns the newest intake version; ErrNotFound when none was saved yet.
func (s *Store) LatestIntake(ctx context.Context, practiceID, clientID int64) (IntakeVersion, error) {
	var v IntakeVersion
	err := s.q.LatestIntake.GetContext(ctx, &v, practiceID, clientID)
	return v, mapErr("latest intake", err)
}

// IntakeVersionAt returns one version of a client's intake.
func (s *Store) IntakeVersionAt(ctx context.Context, practiceID, clientID int64, version int) (IntakeVersion, error) {
	var v IntakeVersion
	err := s.q.IntakeVersionAt.GetContext(ctx, &v, practiceID, clientID, version)
	return v, mapErr("intake version", err)
}

// IntakeHistory lists every version, newest first, without their data.
func (s *Store) IntakeHistory(ctx context.Context, practiceID, clientID int64) ([]IntakeVersion, error) {
	var vs []IntakeVersion
	err := s.q.IntakeHistory.SelectContext(ctx, &vs, practiceID, clientID)
	return vs, mapErr("intake history", err)
}

// SaveIntake writes version base+1 of the intake. ErrConflict means someone saved a newer
// version since base was read. A flag, when given, is raised unless one is already open;
// raised reports whether this save opened one.
func (s *Store) SaveIntake(ctx context.Context, practiceID, clientID int64, base int, section string, data []byte, userID int64, flag *RiskFlagInput,
	audit AuditEntry) (version int, raised bool, err error) {
	next := base + 1
	audit.withID(int64(next))
	err = s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		// Lock the client row: concurrent saves of the same intake queue here.
		var locked int64
		if err := txGet(ctx, tx, s.q.LockClient, &locked, practiceID, clientID); err != nil {
			return mapErr("lock client", err)
		}
		var current int
		if err := txGet(ctx, tx, s.q.LatestIntakeVersion, &current, practiceID, clientID); err != nil {
			return mapErr("intake version", err)
		}
		if current != base {
			return ErrConflict
		}
		if _, err := txExec(ctx, tx, s.q.InsertIntakeVersion, practiceID, clientID, next, section, data, userID); err != nil {
			return mapErr("save intake", err)
		}
		if flag != nil {
			if raised, err = s.raiseAudited(ctx, tx, practiceID, clientID, userID, *flag); err != nil {
				return err
			}
			return s.syncQueue(ctx, tx, practiceID, clientID)
		}
		return nil
	})
	return next, raised, err
}

// raiseFlag opens a flag of the given source unless one of that source is open, in which
// case the open flag takes the newer summary. It reports whether a flag was opened.
func (s *Store) raiseFlag(ctx context.Context, tx *sqlx.Tx, practiceID, clientID, userID int64, f RiskFlagInput) (bool, error) {
	var opened bool
	err := txGet(ctx, tx, s.q.RaiseFlag, &opened, practiceID, clientID, f.Source, f.Summary, nullID(userID))
	return opened, mapErr("raise risk flag", err)
}

// raiseAudited raises f and, when it opens a flag, writes f.Audit in the same transaction.
func (s *Store) raiseAudited(ctx context.Context, tx *sqlx.Tx, practiceID, clientID, userID int64, f RiskFlagInput) (bool, error) {
	opened, err := s.raiseFlag(ctx, tx, practiceID, clientID, userID, f)
	if err != nil || !opened {
		return opened, err
	}
	return opened, s.recordRiskAudit(ctx, tx, practiceID, f.Audit)
}

// recordRiskAudit writes the audit entry of a flag that opened.
func (s *Store) recordRiskAudit(ctx context.Context, tx *sqlx.Tx, practiceID int64, e AuditEntry) error {
	if e.Outcome == "" {
		e.Outcome = OutcomeSuccess
	}
	return s.recordAudit(ctx, tx, practiceID, e)
}

// RaiseRiskFlag opens (or refreshes) a flag outside any other save: an answer that raises a
// risk is acted on even when the rest of its form is incomplete. f.Audit is written when
// the flag opens.
func (s *Store) RaiseRiskFlag(ctx context.Context, practiceID, clientID, userID int64, f RiskFlagInput) (bool, error) {
	var opened bool
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if opened, err = s.raiseAudited(ctx, tx, practiceID, clientID, userID, f); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
	return opened, err
}
