package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
)

// RiskFlag marks a raised risk that needs a counsellor's review.
type RiskFlag struct {
	ID            int64          `db:"id"`
	ClientID      int64          `db:"client_id"`
	Source        string         `db:"source"`
	Summary       string         `db:"summary"`
	RaisedAt      time.Time      `db:"raised_at"`
	RaisedByName  sql.NullString `db:"raised_by_name"`
	ClearedAt     *time.Time     `db:"cleared_at"`
	ClearedByName sql.NullString `db:"cleared_by_name"`
	ReviewNote    string         `db:"review_note"`
}

// RiskFlags lists a client's flags, open ones first, then newest first.
func (s *Store) RiskFlags(ctx context.Context, practiceID, clientID int64) ([]RiskFlag, error) {
	var fs []RiskFlag
	err := s.q.RiskFlags.SelectContext(ctx, &fs, practiceID, clientID)
	return fs, mapErr("risk flags", err)
}

// ClearRiskFlag records a counsellor's review of an open flag.
func (s *Store) ClearRiskFlag(ctx context.Context, practiceID, clientID, flagID, userID int64, note string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.ClearRiskFlag, practiceID, clientID, flagID, userID, note)
		if err := affected("clear risk flag", res, err); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}
