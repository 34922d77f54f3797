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
	err := s.db.SelectContext(ctx, &fs, `SELECT f.id, f.client_id, f.source, f.summary, f.raised_at, r.display_name AS raised_by_name,
			f.cleared_at, c.display_name AS cleared_by_name, f.review_note
		FROM risk_flags f
		LEFT JOIN users r ON r.practice_id = f.practice_id AND r.id = f.raised_by
		LEFT JOIN users c ON c.practice_id = f.practice_id AND c.id = f.cleared_by
		WHERE f.practice_id = $1 AND f.client_id = $2
		ORDER BY f.cleared_at IS NOT NULL, f.raised_at DESC`, practiceID, clientID)
	return fs, mapErr("risk flags", err)
}

// ClearRiskFlag records a counsellor's review of an open flag.
func (s *Store) ClearRiskFlag(ctx context.Context, practiceID, clientID, flagID, userID int64, note string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE risk_flags SET cleared_at = now(), cleared_by = $4, review_note = $5
			WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND cleared_at IS NULL`, practiceID, clientID, flagID, userID, note)
		return affected("clear risk flag", res, err)
	})
}
