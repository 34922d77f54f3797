package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ExportFilter narrows an export: whose clients (the scope, and optionally one counsellor),
// a client status, and a date range over the records' own dates.
type ExportFilter struct {
	Scope        DashScope
	CounsellorID int64
	Status       string
	From, To     *time.Time // inclusive calendar dates
	Limit        int        // rows, for a preview; 0 for all
	Identified   bool       // names may be read; otherwise they never leave the database
	// Clients, when not nil, are the only clients exported, in this order (de-identified files
	// are sorted by pseudonym, never by working code or row id).
	Clients []int64
}

// args are the export filter's parameters, $1 to $8 of every query of queries/exports.sql.
func (f ExportFilter) args(practiceID int64) []any {
	var clients any
	if f.Clients != nil {
		clients = pq.Int64Array(f.Clients)
	}
	return append(f.Scope.args(practiceID), f.CounsellorID, f.Status, f.From, f.To, clients)
}

// ExportClientRef is a client an export may cover: its id and counsellor, for pseudonyms.
type ExportClientRef struct {
	ID           int64 `db:"id"`
	CounsellorID int64 `db:"counsellor_id"`
}

// ExportClients lists the clients in the filter's scope (dates aside).
func (s *Store) ExportClients(ctx context.Context, practiceID int64, f ExportFilter) ([]ExportClientRef, error) {
	var out []ExportClientRef
	err := s.q.ExportClients.SelectContext(ctx, &out, f.args(practiceID)...)
	return out, mapErr("export clients", err)
}

// CaseloadExportRow is one client of the caseload summary, before it is judged and written.
type CaseloadExportRow struct {
	ClientID        int64      `db:"client_id"`
	Code            string     `db:"code"`
	CounsellorID    int64      `db:"counsellor_id"`
	FirstName       string     `db:"first_name"`
	LastName        string     `db:"last_name"`
	Status          string     `db:"status"`
	Format          string     `db:"format"`
	FirstDay        time.Time  `db:"first_day"`
	Attended        int        `db:"attended"`
	Cancelled       int        `db:"cancelled"`
	NoShow          int        `db:"no_show"`
	FirstAppt       *time.Time `db:"first_appt"`
	LastAppt        *time.Time `db:"last_appt"`
	GoalsDraft      int        `db:"goals_draft"`
	GoalsActive     int        `db:"goals_active"`
	GoalsAchieved   int        `db:"goals_achieved"`
	GoalsRevised    int        `db:"goals_revised"`
	GoalsStopped    int        `db:"goals_discontinued"`
	EntriesMade     int        `db:"entries_made"`
	EntriesExpected int        `db:"entries_expected"`
	Measures        []byte     `db:"measures"` // {"phq9": [first, latest], ...}
	Markers         []byte     `db:"markers"`  // {"12": [first, latest], ...}
	RiskLevel       *string    `db:"risk_level"`
	FlagOpen        bool       `db:"flag_open"`
}

// streamRows runs a statement and hands each row to fn, one at a time: nothing is collected.
// The statement's last parameter is the limit (NULL: all rows, when limit is 0).
// JIT compilation is off for it: for the one-million-row export it took over a second before
// the first row, and a query that only streams rows gains nothing from it. Its transaction
// alone gets a larger work_mem, so its sort stays in memory.
func streamRows[T any](ctx context.Context, s *Store, st *sqlx.Stmt, args []any, limit int, fn func(T) error) error {
	tx, err := s.pool.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapErr("export", err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := txExec(ctx, tx, s.q.JITOff); err != nil {
		return mapErr("export", err)
	}
	rows, err := txQuery(ctx, tx, st, append(args, sql.NullInt64{Int64: int64(limit), Valid: limit > 0})...)
	if err != nil {
		return mapErr("export", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r T
		if err := rows.StructScan(&r); err != nil {
			return mapErr("export row", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return mapErr("export rows", err)
	}
	return mapErr("export", tx.Commit())
}

// ExportCaseload streams the caseload summary, one row per client.
func (s *Store) ExportCaseload(ctx context.Context, practiceID int64, f ExportFilter, fn func(CaseloadExportRow) error) error {
	return streamRows(ctx, s, s.q.ExportCaseload, append(f.args(practiceID), f.Identified), f.Limit, fn)
}

// GoalExportRow is one goal with its latest reading.
type GoalExportRow struct {
	ClientID      int64      `db:"client_id"`
	Code          string     `db:"code"`
	FirstDay      time.Time  `db:"first_day"`
	GoalID        int64      `db:"goal_id"`
	GoalNumber    int        `db:"goal_number"`
	MetricCode    string     `db:"metric_code"`
	UnitCode      string     `db:"unit_code"`
	Statement     string     `db:"statement"`
	Metric        string     `db:"metric"`
	Unit          string     `db:"unit"`
	Direction     string     `db:"direction"`
	BaselineValue *float64   `db:"baseline_value"`
	BaselineDate  *time.Time `db:"baseline_date"`
	TargetValue   *float64   `db:"target_value"`
	TargetDate    *time.Time `db:"target_date"`
	Status        string     `db:"status"`
	LatestValue   *float64   `db:"latest_value"`
	LatestDate    *time.Time `db:"latest_date"`
}

// ExportGoals streams one row per goal.
func (s *Store) ExportGoals(ctx context.Context, practiceID int64, f ExportFilter, fn func(GoalExportRow) error) error {
	return streamRows(ctx, s, s.q.ExportGoals, f.args(practiceID), f.Limit, fn)
}

// HomeworkExportRow is one answer of one entry, in long form.
type HomeworkExportRow struct {
	ClientID     int64     `db:"client_id"`
	Code         string    `db:"code"`
	FirstDay     time.Time `db:"first_day"`
	AssignmentID int64     `db:"assignment_id"`
	AssignmentNo int       `db:"assignment_number"`
	FieldNo      int       `db:"field_number"`
	Template     string    `db:"template"`
	EntryDate    time.Time `db:"entry_date"`
	FieldKey     string    `db:"field_key"`
	Number       *float64  `db:"number"`
	Text         *string   `db:"text"`
	Made         int       `db:"made"`
	Expected     int       `db:"expected"`
}

// ExportHomework streams one row per answer of every submitted entry: numbers only, or also
// the free text when withText (identified exports only).
func (s *Store) ExportHomework(ctx context.Context, practiceID int64, f ExportFilter, withText bool, fn func(HomeworkExportRow) error) error {
	return streamRows(ctx, s, s.q.ExportHomework, append(f.args(practiceID), withText), f.Limit, fn)
}

// ScoreExportRow is one score in long form: a questionnaire item or total, or a marker rating.
type ScoreExportRow struct {
	ClientID   int64     `db:"client_id"`
	Code       string    `db:"code"`
	FirstDay   time.Time `db:"first_day"`
	Day        time.Time `db:"day"`
	Instrument string    `db:"instrument"`
	Item       string    `db:"item"`
	Score      int       `db:"score"`
}

// ExportScores streams questionnaire items and totals, and marker ratings, in long form.
func (s *Store) ExportScores(ctx context.Context, practiceID int64, f ExportFilter, fn func(ScoreExportRow) error) error {
	return streamRows(ctx, s, s.q.ExportScores, f.args(practiceID), f.Limit, fn)
}

// PracticeCounsellors maps counsellor ids to display names, for identified exports and filters.
func (s *Store) PracticeCounsellors(ctx context.Context, practiceID int64) (map[int64]string, error) {
	var us []User
	if err := s.q.PracticeCounsellors.SelectContext(ctx, &us, practiceID); err != nil {
		return nil, mapErr("counsellors", err)
	}
	out := map[int64]string{}
	for _, u := range us {
		out[u.ID] = u.DisplayName
	}
	return out, nil
}
