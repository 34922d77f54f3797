package store

import (
	"context"
	"database/sql"
	"strconv"
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

// exportWhere restricts clients c to the filter: $1 practice, $2 all, $3 counsellors,
// $4 one counsellor (0 any), $5 status (” any), $6 from, $7 to.
const exportWhere = ` c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[])) `

// clientOrder sorts by the chosen clients' order, when there is one, then by working code.
const clientOrder = ` array_position($8::bigint[], c.id), c.code `

// inRange tests a date expression against $6 and $7.
func inRange(expr string) string {
	return ` ($6::date IS NULL OR ` + expr + ` >= $6::date) AND ($7::date IS NULL OR ` + expr + ` <= $7::date) `
}

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
	err := s.db.SelectContext(ctx, &out, `SELECT c.id, c.counsellor_id FROM clients c
		WHERE `+exportWhere+` AND ($6::date IS NULL OR true) AND ($7::date IS NULL OR true) ORDER BY c.id`, f.args(practiceID)...)
	return out, mapErr("export clients", err)
}

// firstDay is each client's first day of treatment: the first appointment that was not
// cancelled, else the day the client was added. De-identified exports count weeks from it.
const firstDay = `coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date)`

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

// streamRows runs a query and hands each row to fn, one at a time: nothing is collected.
// JIT compilation is off for it: for the one-million-row export it took over a second before
// the first row, and a query that only streams rows gains nothing from it.
func streamRows[T any](ctx context.Context, db *sqlx.DB, query string, args []any, limit int, fn func(T) error) error {
	if limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(limit)
	}
	tx, err := db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapErr("export", err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
		return mapErr("export", err)
	}
	rows, err := tx.QueryxContext(ctx, query, args...)
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
	q := `SELECT c.id AS client_id, c.code, c.counsellor_id,
			CASE WHEN $9 THEN c.first_name ELSE '' END AS first_name, CASE WHEN $9 THEN c.last_name ELSE '' END AS last_name, c.status, c.format, ` + firstDay + ` AS first_day,
			ap.attended, ap.cancelled, ap.no_show, ap.first_appt, ap.last_appt,
			g.goals_draft, g.goals_active, g.goals_achieved, g.goals_revised, g.goals_discontinued,
			hw.entries_made, hw.entries_expected,
			coalesce(ms.measures, '{}') AS measures, coalesce(mk.markers, '{}') AS markers,
			(SELECT v.data->>'overall_risk' FROM intake_versions v WHERE v.practice_id = c.practice_id AND v.client_id = c.id
				ORDER BY v.version DESC LIMIT 1) AS risk_level,
			EXISTS (SELECT 1 FROM risk_flags r WHERE r.practice_id = c.practice_id AND r.client_id = c.id AND r.cleared_at IS NULL) AS flag_open
		FROM clients c
		CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'attended') AS attended,
				count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
				count(*) FILTER (WHERE a.status = 'no_show') AS no_show,
				min(a.starts_at) FILTER (WHERE a.status <> 'cancelled')::date AS first_appt,
				max(a.starts_at) FILTER (WHERE a.status = 'attended')::date AS last_appt
			FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND ` + inRange("a.starts_at::date") + `) ap
		CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'draft') AS goals_draft,
				count(*) FILTER (WHERE status = 'active') AS goals_active,
				count(*) FILTER (WHERE status = 'achieved') AS goals_achieved,
				count(*) FILTER (WHERE status = 'revised') AS goals_revised,
				count(*) FILTER (WHERE status = 'discontinued') AS goals_discontinued
			FROM goals WHERE practice_id = c.practice_id AND client_id = c.id) g
		CROSS JOIN LATERAL (SELECT coalesce(sum(a.submitted_entries), 0) AS entries_made,
				coalesce(sum(CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END), 0) AS entries_expected
			FROM assignments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND ` + inRange("a.due_date") + `) hw
		LEFT JOIN LATERAL (SELECT jsonb_object_agg(x.measure_key, jsonb_build_array(x.first, x.latest)) AS measures
			FROM (SELECT measure_key, (array_agg(total ORDER BY taken_on, id))[1] AS first,
					(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest
				FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id AND ` + inRange("taken_on") + `
				GROUP BY measure_key) x) ms ON true
		LEFT JOIN LATERAL (SELECT jsonb_object_agg(x.marker_id::text, jsonb_build_array(x.first, x.latest)) AS markers
			FROM (SELECT marker_id, (array_agg(value ORDER BY rated_on, id))[1] AS first,
					(array_agg(value ORDER BY rated_on DESC, id DESC))[1] AS latest
				FROM marker_ratings WHERE practice_id = c.practice_id AND client_id = c.id AND ` + inRange("rated_on") + `
				GROUP BY marker_id) x) mk ON true
		WHERE ` + exportWhere + ` ORDER BY ` + clientOrder
	return streamRows(ctx, s.pool, q, append(f.args(practiceID), f.Identified), f.Limit, fn)
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
	q := `SELECT c.id AS client_id, c.code, ` + firstDay + ` AS first_day, g.id AS goal_id,
			row_number() OVER (PARTITION BY g.client_id ORDER BY g.id) AS goal_number, g.metric_code, g.unit_code,
			g.statement, g.metric, g.unit, g.direction,
			g.baseline_value, g.baseline_date, g.target_value, g.target_date, g.status, r.value AS latest_value, r.reading_date AS latest_date
		FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
		LEFT JOIN LATERAL (SELECT value, reading_date FROM goal_readings WHERE practice_id = g.practice_id AND goal_id = g.id
			ORDER BY reading_date DESC, id DESC LIMIT 1) r ON true
		WHERE ` + exportWhere + ` AND ($6::date IS NULL OR g.target_date IS NULL OR g.target_date >= $6::date)
			AND ($7::date IS NULL OR g.created_at::date <= $7::date)
		ORDER BY ` + clientOrder + `, g.id`
	return streamRows(ctx, s.pool, q, f.args(practiceID), f.Limit, fn)
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
	q := `SELECT c.id AS client_id, c.code, ` + firstDay + ` AS first_day, a.id AS assignment_id,
			dense_rank() OVER (PARTITION BY a.client_id ORDER BY a.id) AS assignment_number, kv.n AS field_number,
			CASE WHEN $9 THEN a.title WHEN a.template_ref LIKE 'builtin:%' THEN a.template_ref ELSE 'practice_template' END AS template, e.entry_date, kv.key AS field_key,
			CASE WHEN jsonb_typeof(kv.value) = 'number' THEN (kv.value)::text::float8 END AS number,
			CASE WHEN jsonb_typeof(kv.value) <> 'number' THEN kv.value #>> '{}' END AS text,
			a.submitted_entries AS made, CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END AS expected
		FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		JOIN homework_entries e ON e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
		CROSS JOIN LATERAL jsonb_each(e.answers) WITH ORDINALITY kv(key, value, n)
		WHERE ` + exportWhere + ` AND ` + inRange("e.entry_date") + ` AND ($9 OR jsonb_typeof(kv.value) = 'number')
		ORDER BY ` + clientOrder + `, a.id, e.entry_date, kv.n`
	return streamRows(ctx, s.pool, q, append(f.args(practiceID), withText), f.Limit, fn)
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
	q := `SELECT client_id, code, first_day, day, instrument, item, score FROM (
			SELECT c.id AS client_id, array_position($8::bigint[], c.id) AS pos, c.code, ` + firstDay + ` AS first_day, r.taken_on AS day, r.measure_key AS instrument, 'total' AS item, r.total AS score, r.id AS ord, 0 AS sub
			FROM measure_results r JOIN clients c ON c.practice_id = r.practice_id AND c.id = r.client_id
			WHERE ` + exportWhere + ` AND ` + inRange("r.taken_on") + `
			UNION ALL
			SELECT c.id, array_position($8::bigint[], c.id), c.code, ` + firstDay + `, r.taken_on, r.measure_key, kv.key, round((kv.value)::text::numeric)::int, r.id, 1
			FROM measure_results r JOIN clients c ON c.practice_id = r.practice_id AND c.id = r.client_id
			CROSS JOIN LATERAL jsonb_each(r.answers) kv
			WHERE ` + exportWhere + ` AND ` + inRange("r.taken_on") + ` AND jsonb_typeof(kv.value) = 'number'
			UNION ALL
			SELECT c.id, array_position($8::bigint[], c.id), c.code, ` + firstDay + `, m.rated_on, 'marker',
				'marker_' || (SELECT count(*) FROM markers k WHERE k.practice_id = m.practice_id AND (k.sort_order, k.id) <= (mk.sort_order, mk.id)),
				m.value, m.id, 2
			FROM marker_ratings m JOIN markers mk ON mk.practice_id = m.practice_id AND mk.id = m.marker_id JOIN clients c ON c.practice_id = m.practice_id AND c.id = m.client_id
			WHERE ` + exportWhere + ` AND ` + inRange("m.rated_on") + `) x
		ORDER BY pos, code, day, instrument, sub, item, ord`
	return streamRows(ctx, s.pool, q, f.args(practiceID), f.Limit, fn)
}

// PracticeCounsellors maps counsellor ids to display names, for identified exports and filters.
func (s *Store) PracticeCounsellors(ctx context.Context, practiceID int64) (map[int64]string, error) {
	var us []User
	if err := s.db.SelectContext(ctx, &us, `SELECT `+userColumns+` FROM users WHERE practice_id = $1 AND role = 'counsellor'`, practiceID); err != nil {
		return nil, mapErr("counsellors", err)
	}
	out := map[int64]string{}
	for _, u := range us {
		out[u.ID] = u.DisplayName
	}
	return out, nil
}
