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
	err := s.q.Markers.SelectContext(ctx, &ms, practiceID, all)
	return ms, mapErr("markers", err)
}

// SaveMarker adds a marker (id 0) or changes its two wordings and whether it is in use.
func (s *Store) SaveMarker(ctx context.Context, practiceID, id int64, label, clientLabel string, active bool) error {
	if id == 0 {
		_, err := s.q.InsertMarker.ExecContext(ctx, practiceID, label, clientLabel)
		return mapErr("add marker", err)
	}
	res, err := s.q.UpdateMarker.ExecContext(ctx, practiceID, id, label, clientLabel, active)
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
			res, err := txExec(ctx, tx, s.q.InsertSitting, practiceID, in.RecordedBy, in.RequestKey, clientID)
			if err := affected("record sitting", res, err); errors.Is(err, ErrNotFound) {
				return ErrSittingRecorded
			} else if err != nil {
				return err
			}
		}
		if in.CheckinID != 0 {
			res, err := txExec(ctx, tx, s.q.CompleteCheckin, practiceID, clientID, in.CheckinID)
			if err := affected("complete check-in", res, err); errors.Is(err, ErrNotFound) {
				return ErrCheckinDone
			} else if err != nil {
				return err
			}
		}
		for markerID, v := range in.Ratings {
			if _, err := txExec(ctx, tx, s.q.InsertMarkerRating, practiceID, clientID, markerID, in.Day, v, in.Source, nullID(in.CheckinID), nullID(in.RecordedBy)); err != nil {
				return mapErr("rate marker", err)
			}
		}
		if err := s.refreshMarkerTrends(ctx, tx, practiceID, clientID, in.Ratings); err != nil {
			return err
		}
		for _, r := range in.Results {
			if _, err := txExec(ctx, tx, s.q.InsertMeasureResult, practiceID, clientID, r.MeasureKey, in.Day, r.Total, r.Answers, r.RiskRaised, in.Source, nullID(in.CheckinID), nullID(in.RecordedBy), r.Difficulty); err != nil {
				return mapErr("record result", err)
			}
			if r.RiskRaised {
				// A raised item opens a flag of its own source at once, whatever else is open;
				// a later, worse answer updates the open flag's summary.
				opened, err := s.raiseFlag(ctx, tx, practiceID, clientID, in.RecordedBy, RiskFlagInput{Source: "phq9_item9", Summary: r.RiskNote})
				if err != nil {
					return err
				}
				flagged = flagged || opened
			}
		}
		if flagged {
			if err := s.recordRiskAudit(ctx, tx, practiceID, in.RiskAudit); err != nil {
				return err
			}
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
	return flagged, err
}

// ClientProgress returns all of a client's ratings, results and event notes, oldest first.
func (s *Store) ClientProgress(ctx context.Context, practiceID, clientID int64) ([]Rating, []Result, []EventNote, error) {
	var ratings []Rating
	var results []Result
	var notes []EventNote
	if err := s.q.ClientMarkerRatings.SelectContext(ctx, &ratings, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("ratings", err)
	}
	if err := s.q.ClientMeasureResults.SelectContext(ctx, &results, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("results", err)
	}
	if err := s.q.ClientEventNotes.SelectContext(ctx, &notes, practiceID, clientID); err != nil {
		return nil, nil, nil, mapErr("event notes", err)
	}
	return ratings, results, notes, nil
}

// AddEventNote adds a dated note to a client's charts.
func (s *Store) AddEventNote(ctx context.Context, practiceID, clientID, userID int64, day time.Time, text string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		_, err := txExec(ctx, tx, s.q.AddEventNote, practiceID, clientID, day, text, userID)
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
	PlannedOn   *time.Time     `db:"planned_on"` // the day it fell due, when the client's plan made it
}

// CreateCheckin asks a client for a check-in: the client's link shows it from now on. A repeat of the same form
// returns the first check-in's id with ErrConflict.
func (s *Store) CreateCheckin(ctx context.Context, practiceID, clientID, userID int64, withMarkers bool, measures []string,
	due time.Time, requestKey string, audit AuditEntry) (int64, error) {
	var id int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		err := txGet(ctx, tx, s.q.InsertCheckin, &id, practiceID, clientID, withMarkers, stringArray(measures), due, requestKey, userID)
		if errors.Is(err, sql.ErrNoRows) {
			if err := txGet(ctx, tx, s.q.CheckinByRequestKey, &id, practiceID, userID, requestKey); err != nil {
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
	err := s.q.CheckinByID.GetContext(ctx, &ck, practiceID, checkinID)
	return ck, mapErr("check-in", err)
}

// Checkins lists a client's check-ins, newest first.
func (s *Store) Checkins(ctx context.Context, practiceID, clientID int64) ([]Checkin, error) {
	var cks []Checkin
	err := s.q.Checkins.SelectContext(ctx, &cks, practiceID, clientID)
	return cks, mapErr("check-ins", err)
}

// Conventions returns the practice's reliable-change conventions as JSON (measure key -> thresholds).
func (s *Store) Conventions(ctx context.Context, practiceID int64) ([]byte, error) {
	var b []byte
	err := s.q.Conventions.GetContext(ctx, &b, practiceID)
	return b, mapErr("conventions", err)
}

// SetConventions saves the practice's reliable-change conventions and, in the same
// transaction, brings every client's deterioration items in line with them.
func (s *Store) SetConventions(ctx context.Context, practiceID int64, conventions []byte) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SetConventions, practiceID, conventions)
		if err := affected("set conventions", res, err); err != nil {
			return err
		}
		var clients []int64
		if err := txSelect(ctx, tx, s.q.ClientsWithResults, &clients, practiceID); err != nil {
			return mapErr("clients with results", err)
		}
		for _, id := range clients {
			if err := s.syncQueue(ctx, tx, practiceID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// Supervision returns, per supervisor, the counsellors they supervise.
func (s *Store) Supervision(ctx context.Context, practiceID int64) (map[int64][]int64, error) {
	var rows []struct {
		Supervisor int64 `db:"supervisor_id"`
		Counsellor int64 `db:"counsellor_id"`
	}
	if err := s.q.Supervision.SelectContext(ctx, &rows, practiceID); err != nil {
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
		if err := txGet(ctx, tx, s.q.CheckSupervisionRoles, &ok, practiceID, supervisorID, pq.Int64Array(counsellorIDs)); err != nil {
			return mapErr("check supervision", err)
		}
		if !ok {
			return ErrNotFound
		}
		if _, err := txExec(ctx, tx, s.q.DeleteSupervision, practiceID, supervisorID); err != nil {
			return mapErr("clear supervision", err)
		}
		_, err := txExec(ctx, tx, s.q.InsertSupervision, practiceID, supervisorID, pq.Int64Array(counsellorIDs))
		return mapErr("set supervision", err)
	})
}

// RevokeCheckin kills a check-in's link at once; ErrNotFound when it is done or revoked already.
func (s *Store) RevokeCheckin(ctx context.Context, practiceID, clientID, checkinID int64, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.RevokeCheckin, practiceID, clientID, checkinID)
		if err := affected("revoke check-in", res, err); err != nil {
			return err
		}
		if _, err = txExec(ctx, tx, s.q.RevokeCheckinLinks, practiceID, checkinID); err != nil {
			return mapErr("revoke check-in link", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// refreshMarkerTrends rebuilds the client's kept last three ratings of each marker just rated,
// from its ratings, in the transaction that recorded them.
func (s *Store) refreshMarkerTrends(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, ratings map[int64]int) error {
	if len(ratings) == 0 {
		return nil
	}
	ids := make(pq.Int64Array, 0, len(ratings))
	for id := range ratings {
		ids = append(ids, id)
	}
	var locked int64
	if err := txGet(ctx, tx, s.q.LockClientForTrends, &locked, practiceID, clientID); err != nil {
		return mapErr("lock client", err)
	}
	if _, err := txExec(ctx, tx, s.q.DeleteMarkerTrends, practiceID, clientID, ids); err != nil {
		return mapErr("clear marker trends", err)
	}
	_, err := txExec(ctx, tx, s.q.InsertMarkerTrends, practiceID, clientID, ids)
	return mapErr("keep marker trends", err)
}
