package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// MaxPINTries is how many wrong PINs lock a link's earlier entries.
const MaxPINTries = 5

// ErrPINLocked means no PIN try is left on the link (or it has no PIN to try).
var ErrPINLocked = errors.New("link PIN locked")

// SetLinkPIN stores the hash of the PIN a client chose, once: it reports false when the link
// already had one (two browsers choosing at once: the first wins). audit is written in the
// same transaction when the PIN is set.
func (s *Store) SetLinkPIN(ctx context.Context, practiceID, linkID int64, hash string, audit AuditEntry) (bool, error) {
	return s.auditedIf(ctx, practiceID, audit, "set link PIN", s.q.SetLinkPIN, practiceID, linkID, hash)
}

// auditedIf runs one statement and, when it changed a row, writes audit in the same
// transaction; it reports whether a row changed.
func (s *Store) auditedIf(ctx context.Context, practiceID int64, audit AuditEntry, op string, st *sqlx.Stmt, args ...any) (bool, error) {
	var changed bool
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, st, args...)
		if err != nil {
			return mapErr(op, err)
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			return mapErr(op, err)
		}
		changed = true
		if audit.Outcome == "" {
			audit.Outcome = OutcomeSuccess
		}
		return s.recordAudit(ctx, tx, practiceID, audit)
	})
	return changed, err
}

// TryLinkPIN counts one PIN try before the PIN is checked and returns the hash to check it
// against: however many servers or browsers guess at once, a link gets MaxPINTries in all,
// because the count lives in this row. ErrPINLocked when no try is left or there is no PIN.
func (s *Store) TryLinkPIN(ctx context.Context, practiceID, linkID int64) (hash string, try int, err error) {
	var row struct {
		Hash  string `db:"pin_hash"`
		Tries int    `db:"pin_failures"`
	}
	err = s.q.TryLinkPIN.GetContext(ctx, &row, practiceID, linkID, MaxPINTries)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, ErrPINLocked
	}
	return row.Hash, row.Tries, mapErr("try link PIN", err)
}

// PINWasRight clears the count of wrong tries after a right PIN, unless the link locked meanwhile.
func (s *Store) PINWasRight(ctx context.Context, practiceID, linkID int64) error {
	_, err := s.q.PINWasRight.ExecContext(ctx, practiceID, linkID)
	return mapErr("PIN right", err)
}

// LockLinkPIN locks a link's earlier entries once its tries are used up; it reports whether
// this call locked it; audit is written in the same transaction then (so the lock is audited once).
func (s *Store) LockLinkPIN(ctx context.Context, practiceID, linkID int64, now time.Time, audit AuditEntry) (bool, error) {
	return s.auditedIf(ctx, practiceID, audit, "lock link PIN", s.q.LockLinkPIN, practiceID, linkID, now, MaxPINTries)
}
