package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// ExportFirstYear reports whether the practice lets de-identified files carry the year of
// each client's first appointment (only ever for files of enough clients).
func (s *Store) ExportFirstYear(ctx context.Context, practiceID int64) (bool, error) {
	var on bool
	err := s.q.ExportFirstYear.GetContext(ctx, &on, practiceID)
	return on, mapErr("export first year", err)
}

// SetExportFirstYear turns the first-year column on or off, with its audit entry.
func (s *Store) SetExportFirstYear(ctx context.Context, practiceID int64, on bool, audit AuditEntry) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SetExportFirstYear, practiceID, on)
		if err := affected("export first year", res, err); err != nil {
			return err
		}
		return s.recordAudit(ctx, tx, practiceID, audit)
	})
}
