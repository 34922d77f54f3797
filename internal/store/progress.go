package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Marker is one progress marker of a practice, rated 0-10.
type Marker struct {
	ID    int64  `db:"id"`
	Label string `db:"label"`
	// ClientLabel is the client's wording, safe for someone else to read; empty: none yet.
	ClientLabel string `db:"client_label"`
	Position    int    `db:"sort_order"`
	Active      bool   `db:"active"`
}

// Markers lists the practice's markers in order; only active ones unless all is set.
func (s *Store) Markers(ctx context.Context, practiceID int64, all bool) ([]Marker, error) {
	var ms []Marker
	err := s.db.SelectContext(ctx, &ms, `SELECT id, label, client_label, sort_order, active FROM markers
		WHERE practice_id = $1 AND (active OR $2) ORDER BY sort_order, id`, practiceID, all)
	return ms, mapErr("markers", err)
}

// SaveMarker adds a marker (id 0) or changes its two wordings and whether it is in use.
func (s *Store) SaveMarker(ctx context.Context, practiceID, id int64, label, clientLabel string, active bool) error {
	if id == 0 {
		_, err := s.db.ExecContext(ctx, `INSERT INTO markers (practice_id, label, client_label, sort_order)
			SELECT $1, $2, $3, coalesce(max(sort_order), 0) + 1 FROM markers WHERE practice_id = $1`, practiceID, label, clientLabel)
		return mapErr("add marker", err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE markers SET label = $3, client_label = $4, active = $5 WHERE practice_id = $1 AND id = $2`,
		practiceID, id, label, clientLabel, active)
	return affected("update marker", res, err)
}

// Rating is one marker rating of a client.
type Rating struct {
	MarkerID int64     `db:"marker_id"`
	RatedOn  time.Time `db:"rated_on"`
	Value    int       `db:"value"`
	Source   string    `db:"source"`
}

// Result is one questionnaire result of a client.
type Result struct {
	ID         int64     `db:"id"`
	MeasureKey string    `db:"measure_key"`
	TakenOn    time.Time `db:"taken_on"`
	Total      int       `db:"total"`
	Answers    []byte    `db:"answers"`
	RiskRaised bool      `db:"risk_raised"`
	Source     string    `db:"source"`
	Difficulty *int      `db:"difficulty"` // the unscored closing question, when answered
}

// EventNote is a dated note shown on every chart of a client.
type EventNote struct {
	ID      int64     `db:"id"`
	NotedOn time.Time `db:"noted_on"`
	Text    string    `db:"text"`
}

// ProgressInput is one sitting: marker ratings and questionnaire results of a client on a
// day, recorded together (by the counsellor, or by the client through a check-in).
type ProgressInput struct {
	Day        time.Time
	Source     string // "counsellor" or "client"
	RecordedBy int64  // 0 for a client
	CheckinID  int64  // 0 unless from a check-in
	RequestKey string // a counsellor's form: a second save of the same form records nothing
	Ratings    map[int64]int
	Results    []ResultInput
	RiskAudit  AuditEntry // written once, in the same transaction, when a result opens a new flag
}

// ResultInput is one questionnaire result to record.
type ResultInput struct {
	MeasureKey string
	Total      int
	Answers    []byte
	RiskRaised bool
	RiskNote   string // the flag's summary when RiskRaised
	Difficulty *int   // the unscored closing question, when answered
}

// ErrSittingRecorded means this very form was already saved: nothing is recorded again.
var ErrSittingRecorded = errors.New("sitting already recorded")

// ErrCheckinDone means the check-in was already completed (or revoked) before this save.
var ErrCheckinDone = errors.New("check-in already completed")

// RecordProgress saves a sitting in one transaction: ratings, results, a risk flag for any
// result that raises one, and, for a check-in, marks it completed exactly once. It reports
// whether a new flag was opened. audit is written in the same transaction.
func (s *Store) RecordProgress(ctx context.Context, practiceID, clientID int64, in ProgressInput, audit AuditEntry) (flagged bool, err error) {
	err = s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if in.RequestKey != "" {
			res, err := tx.ExecContext(ctx, `INSERT INTO sittings (practice_id, recorded_by, request_key, client_id)
				VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, practiceID, in.RecordedBy, in.RequestKey, clientID)
			if err := affected("record sitting", res, err); errors.Is(err, ErrNotFound) {
				return ErrSittingRecorded
			} else if err != nil {
				return err
			}
		}
		if in.CheckinID != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE checkins SET completed_at = now()
				WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND completed_at IS NULL AND revoked_at IS NULL`,
				practiceID, clientID, in.CheckinID)
			if err := affected("complete check-in", res, err); errors.Is(err, ErrNotFound) {
				return ErrCheckinDone
			} else if err != nil {
				return err
			}
		}
		for markerID, v := range in.Ratings {
			if _, err := tx.ExecContext(ctx, `INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source, checkin_id, recorded_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, practiceID, clientID, markerID, in.Day, v, in.Source, nullID(in.CheckinID), nullID(in.RecordedBy)); err != nil {
				return mapErr("rate marker", err)
			}
		}
		for _, r := range in.Results {
			if _, err := tx.ExecContext(ctx, `INSERT INTO measure_results (practice_id, client_id, measure_key, taken_on, total, answers,
					risk_raised, source, checkin_id, recorded_by, difficulty) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				practiceID, clientID, r.MeasureKey, in.Day, r.Total, r.Answers, r.RiskRaised, in.Source, nullID(in.CheckinID), nullID(in.RecordedBy),
				r.Difficulty); err != nil {
				return mapErr("record result", err)
			}
			if r.RiskRaised {
				// A raised item opens a flag of its own source at once, whatever else is open;
				// a later, worse answer updates the open flag's summary.
				opened, err := raiseFlag(ctx, tx, practiceID, clientID, in.RecordedBy, RiskFlagInput{Source: "phq9_item9", Summary: r.RiskNote})
				if err != nil {
					return err
				}
				flagged = flagged || opened
			}
		}
		if flagged {
			return recordRiskAudit(ctx, tx, practiceID, in.RiskAudit)
		}
		return nil
	})
	return flagged, err
}

// ClientProgress returns all of a client's ratings, results and event notes, oldest first.
func (s *Store) ClientProgress(ctx context.Context, practiceID, clientID int64) ([]Rating, []Result, []EventNote, error) {
	var ratings []Rating
	var results []Result
	var notes []EventNote
	if err := s.db.SelectContext(ctx, &ratings, `SELECT marker_id, rated_on, value, source FROM marker_ratings
		WHERE practice_id = $1 AND client_id = $2 ORDER BY rated_on, id`, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("ratings", err)
	}
	if err := s.db.SelectContext(ctx, &results, `SELECT id, measure_key, taken_on, total, answers, risk_raised, source, difficulty FROM measure_results
		WHERE practice_id = $1 AND client_id = $2 ORDER BY taken_on, id`, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("results", err)
	}
	if err := s.db.SelectContext(ctx, &notes, `SELECT id, noted_on, text FROM event_notes
		WHERE practice_id = $1 AND client_id = $2 ORDER BY noted_on, id`, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("event notes", err)
	}
	return ratings, results, notes, nil
}

// AddEventNote adds a dated note to a client's charts.
func (s *Store) AddEventNote(ctx context.Context, practiceID, clientID, userID int64, day time.Time, text string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO event_notes (practice_id, client_id, noted_on, text, created_by) VALUES ($1, $2, $3, $4, $5)`,
			practiceID, clientID, day, text, userID)
		return mapErr("add event note", err)
	})
}

// Checkin is a request for a client to rate markers and answer questionnaires through a link.
type Checkin struct {
	ID          int64          `db:"id"`
	ClientID    int64          `db:"client_id"`
	WithMarkers bool           `db:"with_markers"`
	Measures    pq.StringArray `db:"measures"`
	DueDate     time.Time      `db:"due_date"`
	CompletedAt *time.Time     `db:"completed_at"`
	RevokedAt   *time.Time     `db:"revoked_at"`
	CreatedAt   time.Time      `db:"created_at"`
}

const checkinColumns = `id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at`

// CreateCheckin asks a client for a check-in: the client's link shows it from now on. A repeat of the same form
// returns the first check-in's id with ErrConflict.
func (s *Store) CreateCheckin(ctx context.Context, practiceID, clientID, userID int64, withMarkers bool, measures []string,
	due time.Time, requestKey string, audit AuditEntry) (int64, error) {
	var id int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, &id, `INSERT INTO checkins (practice_id, client_id, with_markers, measures, due_date, request_key, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (practice_id, created_by, request_key) DO NOTHING RETURNING id`,
			practiceID, clientID, withMarkers, stringArray(measures), due, requestKey, userID)
		if errors.Is(err, sql.ErrNoRows) {
			if err := tx.GetContext(ctx, &id, `SELECT id FROM checkins WHERE practice_id = $1 AND created_by = $2 AND request_key = $3`,
				practiceID, userID, requestKey); err != nil {
				return mapErr("find repeated check-in", err)
			}
			return ErrConflict
		}
		audit.withID(id)
		return mapErr("create check-in", err)
	})
	return id, err
}

// CheckinByID returns one check-in of the practice (a client session knows only its id).
func (s *Store) CheckinByID(ctx context.Context, practiceID, checkinID int64) (Checkin, error) {
	var ck Checkin
	err := s.db.GetContext(ctx, &ck, `SELECT `+checkinColumns+` FROM checkins WHERE practice_id = $1 AND id = $2`, practiceID, checkinID)
	return ck, mapErr("check-in", err)
}

// Checkins lists a client's check-ins, newest first.
func (s *Store) Checkins(ctx context.Context, practiceID, clientID int64) ([]Checkin, error) {
	var cks []Checkin
	err := s.db.SelectContext(ctx, &cks, `SELECT `+checkinColumns+` FROM checkins WHERE practice_id = $1 AND client_id = $2
		ORDER BY created_at DESC, id DESC`, practiceID, clientID)
	return cks, mapErr("check-ins", err)
}

// Conventions returns the practice's reliable-change conventions as JSON (measure key -> thresholds).
func (s *Store) Conventions(ctx context.Context, practiceID int64) ([]byte, error) {
	var b []byte
	err := s.db.GetContext(ctx, &b, `SELECT measure_conventions FROM practices WHERE id = $1`, practiceID)
	return b, mapErr("conventions", err)
}

// SetConventions saves the practice's reliable-change conventions.
func (s *Store) SetConventions(ctx context.Context, practiceID int64, conventions []byte) error {
	res, err := s.db.ExecContext(ctx, `UPDATE practices SET measure_conventions = $2 WHERE id = $1`, practiceID, conventions)
	return affected("set conventions", res, err)
}

// Supervision returns, per supervisor, the counsellors they supervise.
func (s *Store) Supervision(ctx context.Context, practiceID int64) (map[int64][]int64, error) {
	var rows []struct {
		Supervisor int64 `db:"supervisor_id"`
		Counsellor int64 `db:"counsellor_id"`
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT supervisor_id, counsellor_id FROM supervision WHERE practice_id = $1`, practiceID); err != nil {
		return nil, mapErr("supervision", err)
	}
	out := map[int64][]int64{}
	for _, r := range rows {
		out[r.Supervisor] = append(out[r.Supervisor], r.Counsellor)
	}
	return out, nil
}

// SetSupervision replaces the counsellors a supervisor supervises; every id must be an
// active user of the right role in the practice, or nothing changes (ErrNotFound).
func (s *Store) SetSupervision(ctx context.Context, practiceID, supervisorID int64, counsellorIDs []int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var ok bool
		if err := tx.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM users WHERE practice_id = $1 AND id = $2 AND role = 'supervisor' AND active)
			AND (SELECT count(*) FROM users WHERE practice_id = $1 AND id = ANY($3) AND role = 'counsellor') = cardinality($3)`,
			practiceID, supervisorID, pq.Int64Array(counsellorIDs)); err != nil {
			return mapErr("check supervision", err)
		}
		if !ok {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM supervision WHERE practice_id = $1 AND supervisor_id = $2`, practiceID, supervisorID); err != nil {
			return mapErr("clear supervision", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision (practice_id, supervisor_id, counsellor_id)
			SELECT $1, $2, unnest($3::bigint[])`, practiceID, supervisorID, pq.Int64Array(counsellorIDs))
		return mapErr("set supervision", err)
	})
}

// RevokeCheckin kills a check-in's link at once; ErrNotFound when it is done or revoked already.
func (s *Store) RevokeCheckin(ctx context.Context, practiceID, clientID, checkinID int64, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE checkins SET revoked_at = now()
			WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND revoked_at IS NULL AND completed_at IS NULL`, practiceID, clientID, checkinID)
		if err := affected("revoke check-in", res, err); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE client_links SET revoked_at = now()
			WHERE practice_id = $1 AND checkin_id = $2 AND revoked_at IS NULL`, practiceID, checkinID)
		return mapErr("revoke check-in link", err)
	})
}
