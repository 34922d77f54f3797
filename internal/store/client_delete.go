package store

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// ClientRetention is what the retention rule needs to know about one client.
type ClientRetention struct {
	Code           string       `db:"code"`
	Status         string       `db:"status"`
	EndOfCare      sql.NullTime `db:"end_of_care"` // NULL while the client is in care
	RetentionYears int          `db:"retention_years"`
}

// Retention returns the client's end of care and the practice's retention period.
func (s *Store) Retention(ctx context.Context, practiceID, clientID int64) (ClientRetention, error) {
	var r ClientRetention
	err := s.q.Retention.GetContext(ctx, &r, practiceID, clientID)
	return r, mapErr("client retention", err)
}

// RecordCounts counts, by kind, the rows of the client's record that deleting it removes.
type RecordCounts struct {
	Intakes      int `db:"intakes"`
	RiskFlags    int `db:"risk_flags"`
	Appointments int `db:"appointments"`
	Goals        int `db:"goals"`
	Readings     int `db:"readings"`
	Assignments  int `db:"assignments"`
	Entries      int `db:"entries"`
	Checkins     int `db:"checkins"`
	Ratings      int `db:"ratings"`
	Results      int `db:"results"`
	EventNotes   int `db:"event_notes"`
}

// ClientRecordCounts counts the rows of the client's record, in one query.
func (s *Store) ClientRecordCounts(ctx context.Context, practiceID, clientID int64) (RecordCounts, error) {
	var n RecordCounts
	err := s.q.ClientRecordCounts.GetContext(ctx, &n, practiceID, clientID)
	return n, mapErr("client record counts", err)
}

// DeleteClient deletes the client and, through the schema's cascades, every row of their
// record, and appends record to the audit log, all in one transaction. The client's row is
// locked first (which also holds off new appointments, entries and the like), then check
// sees the retention as it is now: its error refuses the deletion and is returned as is.
// The audit log keeps its earlier rows about the client: they name it by id only.
func (s *Store) DeleteClient(ctx context.Context, practiceID, clientID int64, check func(ClientRetention) error, record AuditEntry) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var r ClientRetention
		if err := txGet(ctx, tx, s.q.LockClientRetention, &r, practiceID, clientID); err != nil {
			return mapErr("lock client", err)
		}
		if err := check(r); err != nil {
			return err
		}
		res, err := txExec(ctx, tx, s.q.DeleteClient, practiceID, clientID)
		if err := affected("delete client", res, err); err != nil {
			return err
		}
		return s.recordAudit(ctx, tx, practiceID, record)
	})
}
