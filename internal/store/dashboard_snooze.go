package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
)

// ErrNotSnoozable refuses to snooze a risk flag or a PHQ-9 item 9 answer: those stay on the
// dashboard until a counsellor reviews them.
var ErrNotSnoozable = errors.New("risk items cannot be snoozed")

// Snoozable reports whether items of kind may be snoozed.
func Snoozable(kind string) bool {
	return slices.Contains(AttentionKinds(), kind) && kind != KindRisk && kind != KindItemNine
}

// SnoozeAttention hides one part of a client's queue (its open items of kind, with label as
// the queue groups them) until until, with the audit row in the same transaction. It returns
// how many items it snoozed; none is ErrNotFound. The caller checks the client is in scope.
func (s *Store) SnoozeAttention(ctx context.Context, practiceID, clientID int64, kind, label string, until time.Time, by int64, audit AuditEntry) (int64, error) {
	if !Snoozable(kind) {
		return 0, ErrNotSnoozable
	}
	var n int64
	audit.ClientID = clientID
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SnoozeAttention, practiceID, clientID, kind, label, until, by)
		if err != nil {
			return mapErr("snooze", err)
		}
		if n, err = res.RowsAffected(); err != nil {
			return mapErr("snooze", err)
		}
		if n == 0 {
			return ErrNotFound
		}
		audit.Detail = fmt.Sprintf("%s: %d until %s", kind, n, until.Format("2006-01-02"))
		return nil
	})
	return n, err
}
