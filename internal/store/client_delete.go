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

// The end of care is the latest of the discharge, the archiving and the last attended
// appointment; it exists only once the client is discharged.
const retentionQuery = `SELECT c.code, c.status, p.retention_years,
		CASE WHEN c.status = 'discharged' THEN greatest(c.discharged_at, c.archived_at,
			(SELECT max(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
				AND a.status = 'attended')) END AS end_of_care
	FROM clients c JOIN practices p ON p.id = c.practice_id
	WHERE c.practice_id = $1 AND c.id = $2`

// Retention returns the client's end of care and the practice's retention period.
func (s *Store) Retention(ctx context.Context, practiceID, clientID int64) (ClientRetention, error) {
	var r ClientRetention
	err := s.db.GetContext(ctx, &r, retentionQuery, practiceID, clientID)
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
	err := s.db.GetContext(ctx, &n, `SELECT
		(SELECT count(*) FROM intake_versions WHERE practice_id = $1 AND client_id = $2) AS intakes,
		(SELECT count(*) FROM risk_flags WHERE practice_id = $1 AND client_id = $2) AS risk_flags,
		(SELECT count(*) FROM appointments WHERE practice_id = $1 AND client_id = $2) AS appointments,
		(SELECT count(*) FROM goals WHERE practice_id = $1 AND client_id = $2) AS goals,
		(SELECT count(*) FROM goal_readings r JOIN goals g ON g.practice_id = r.practice_id AND g.id = r.goal_id
			WHERE g.practice_id = $1 AND g.client_id = $2) AS readings,
		(SELECT count(*) FROM assignments WHERE practice_id = $1 AND client_id = $2) AS assignments,
		(SELECT count(*) FROM homework_entries WHERE practice_id = $1 AND client_id = $2) AS entries,
		(SELECT count(*) FROM checkins WHERE practice_id = $1 AND client_id = $2) AS checkins,
		(SELECT count(*) FROM marker_ratings WHERE practice_id = $1 AND client_id = $2) AS ratings,
		(SELECT count(*) FROM measure_results WHERE practice_id = $1 AND client_id = $2) AS results,
		(SELECT count(*) FROM event_notes WHERE practice_id = $1 AND client_id = $2) AS event_notes`, practiceID, clientID)
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
		if err := tx.GetContext(ctx, &r, retentionQuery+` FOR UPDATE OF c`, practiceID, clientID); err != nil {
			return mapErr("lock client", err)
		}
		if err := check(r); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE practice_id = $1 AND id = $2`, practiceID, clientID)
		if err := affected("delete client", res, err); err != nil {
			return err
		}
		return recordAudit(ctx, tx, practiceID, record)
	})
}
