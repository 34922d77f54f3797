package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// HiddenBuiltins returns the keys of the built-in templates the practice hid.
func (s *Store) HiddenBuiltins(ctx context.Context, practiceID int64) (map[string]bool, error) {
	var keys []string
	if err := s.q.HiddenBuiltins.SelectContext(ctx, &keys, practiceID); err != nil {
		return nil, mapErr("hidden builtins", err)
	}
	out := make(map[string]bool, len(keys))
	for _, k := range keys {
		out[k] = true
	}
	return out, nil
}

// SetBuiltinHidden hides the built-in key from the practice's library and picker, or shows it
// again, with its audit entry in the same transaction. Assignments keep their own copy.
func (s *Store) SetBuiltinHidden(ctx context.Context, practiceID, userID int64, key string, hidden bool, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var err error
		if hidden {
			_, err = tx.StmtxContext(ctx, s.q.HideBuiltin).ExecContext(ctx, practiceID, key, userID)
		} else {
			_, err = tx.StmtxContext(ctx, s.q.ShowBuiltin).ExecContext(ctx, practiceID, key)
		}
		return mapErr("set builtin hidden", err)
	})
}
