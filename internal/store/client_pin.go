package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// MaxPINTries is how many wrong PINs lock a link's earlier entries.
const MaxPINTries = 5

// ErrPINLocked means no PIN try is left on the link (or it has no PIN to try).
var ErrPINLocked = errors.New("link PIN locked")

// SetLinkPIN stores the hash of the PIN a client chose, once: it reports false when the link
// already had one (two browsers choosing at once: the first wins).
func (s *Store) SetLinkPIN(ctx context.Context, practiceID, linkID int64, hash string) (bool, error) {
	res, err := s.q.SetLinkPIN.ExecContext(ctx, practiceID, linkID, hash)
	if err != nil {
		return false, mapErr("set link PIN", err)
	}
	n, err := res.RowsAffected()
	return n == 1, mapErr("set link PIN", err)
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
// this call locked it (so the lock is audited once).
func (s *Store) LockLinkPIN(ctx context.Context, practiceID, linkID int64, now time.Time) (bool, error) {
	res, err := s.q.LockLinkPIN.ExecContext(ctx, practiceID, linkID, now, MaxPINTries)
	if err != nil {
		return false, mapErr("lock link PIN", err)
	}
	n, err := res.RowsAffected()
	return n == 1, mapErr("lock link PIN", err)
}
