package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/measures"
)

// syncQueue brings the client's attention items in line with its records, inside tx: the
// items each change opens (a risk flag, an entry sent, a link issued, ...) open, and those
// whose cause has gone (the flag cleared, the entry reviewed, the link re-issued, ...) are
// resolved, in the transaction of the change. Every writer of a client's records calls it as
// the last thing it does (see attention-lock in queries/attention.sql for why last).
func (s *Store) syncQueue(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64) error {
	if _, err := txExec(ctx, tx, s.q.LockAttention, practiceID, clientID); err != nil {
		return mapErr("lock attention queue", err)
	}
	keys, names, rcis := catalogueThresholds()
	_, err := txExec(ctx, tx, s.q.SyncAttention, practiceID, clientID, keys, names, rcis, measures.PlanGraceDays)
	return mapErr("sync attention queue", err)
}

// catalogueThresholds returns each shipped measure's key, name and default reliable-change
// index (the published one, or Jacobson-Truax's when none is published).
func catalogueThresholds() (keys, names pq.StringArray, rcis pq.Float64Array) {
	for _, m := range measures.Measures() {
		keys = append(keys, m.Key)
		names = append(names, m.Name)
		rcis = append(rcis, m.ThresholdsFor(nil).RCI)
	}
	return keys, names, rcis
}
