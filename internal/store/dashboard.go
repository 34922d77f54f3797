package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

// DashScope is whose clients a dashboard covers: the whole practice, or some counsellors'
// caseloads (a counsellor's own; a supervisor's supervisees).
type DashScope struct {
	All         bool
	Counsellors []int64
}

// scopeSQL restricts the clients alias c to the scope, with parameters $2 (all) and $3 (ids).
const scopeSQL = ` c.practice_id = $1 AND c.archived_at IS NULL AND ($2 OR c.counsellor_id = ANY($3)) `

func (d DashScope) args(practiceID int64) []any {
	ids := d.Counsellors
	if ids == nil {
		ids = []int64{}
	}
	return []any{practiceID, d.All, pq.Int64Array(ids)}
}

// DashClient names a client on the dashboard; supervisors see only the code.
type DashClient struct {
	ClientID      int64  `db:"client_id"`
	Code          string `db:"code"`
	FirstName     string `db:"first_name"`
	PreferredName string `db:"preferred_name"`
	LastName      string `db:"last_name"`
}

// DashItem is one line of a dashboard list: a client and what needs doing.
type DashItem struct {
	DashClient
	What   string     `db:"what"`
	When   *time.Time `db:"at"`
	Target string     `db:"target"` // path where it is handled
	Total  int        `db:"total"`  // how many the whole list holds (only the first 20 are loaded)
}

// Dashboard is everything on a counsellor's home page. Each list comes from one query.
type Dashboard struct {
	StatusCounts   map[string]int
	RiskFlags      []DashItem
	ItemNine       []DashItem
	AwaitingReview []DashItem
	Overdue        []DashItem
	Expiring       []DashItem
	GoalsDue       []DashItem
	ActiveGoals    []DashGoal
	Results        []DashResult
	MarkerFalls    []DashItem
	Appointments   []DashItem
	Recent         []DashItem
}

// DashGoal is an active goal with its readings, for the off-track check.
type DashGoal struct {
	DashClient
	Goal
}

// DashResult is the first and latest total of one questionnaire of one client.
type DashResult struct {
	DashClient
	MeasureKey string    `db:"measure_key"`
	First      int       `db:"first_total"`
	Latest     int       `db:"latest_total"`
	LatestOn   time.Time `db:"latest_on"`
}

const dashLimit = 20

// LoadDashboard runs the dashboard's queries for the scope, as of today (a practice date).
// The number of queries is fixed, however many clients there are.
// weekStart and weekEnd bound "this week" as instants in the practice's time zone.
func (s *Store) LoadDashboard(ctx context.Context, practiceID int64, scope DashScope, today, weekStart, weekEnd time.Time) (Dashboard, error) {
	var d Dashboard
	args := scope.args(practiceID)
	var counts []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &counts, `SELECT c.status, count(*) AS n FROM clients c WHERE`+scopeSQL+`GROUP BY c.status`, args...); err != nil {
		return d, mapErr("dashboard counts", err)
	}
	d.StatusCounts = map[string]int{}
	for _, c := range counts {
		d.StatusCounts[c.Status] = c.N
	}
	const who = `c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name`
	lists := []struct {
		dst   *[]DashItem
		query string
		extra []any
	}{
		{&d.RiskFlags, `SELECT ` + who + `, f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target
			FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
			WHERE` + scopeSQL + `AND f.cleared_at IS NULL AND f.source <> 'phq9_item9' ORDER BY f.raised_at`, nil},
		{&d.ItemNine, `SELECT ` + who + `, f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target
			FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
			WHERE` + scopeSQL + `AND f.cleared_at IS NULL AND f.source = 'phq9_item9' ORDER BY f.raised_at`, nil},
		{&d.AwaitingReview, `SELECT ` + who + `, a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target
			FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
			JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
			WHERE` + scopeSQL + `AND e.status = 'submitted' AND e.reviewed_at IS NULL ORDER BY e.submitted_at`, nil},
		{&d.Overdue, `SELECT ` + who + `, a.title AS what, a.due_date::timestamptz AS at, '/clients/' || c.id || '/homework/' || a.id AS target
			FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
			WHERE` + scopeSQL + `AND a.revoked_at IS NULL AND a.due_date < $4
			AND (SELECT count(*) FROM homework_entries e WHERE e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted')
				< CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END
			ORDER BY a.due_date`, []any{today}},
		{&d.Expiring, `SELECT ` + who + `, coalesce(a.title, 'Check-in') AS what, l.expires_at AS at,
				'/clients/' || c.id || coalesce('/homework/' || a.id, '/progress') AS target
			FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
			LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
			JOIN clients c ON c.practice_id = l.practice_id AND c.id = coalesce(a.client_id, k.client_id)
			WHERE` + scopeSQL + `AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
			AND k.completed_at IS NULL ORDER BY l.expires_at`, nil},
		{&d.GoalsDue, `SELECT ` + who + `, g.statement AS what, g.target_date::timestamptz AS at, '/clients/' || c.id || '/goals/' || g.id AS target
			FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
			WHERE` + scopeSQL + `AND g.status = 'active' AND g.target_date <= $4::date + 14 ORDER BY g.target_date`, []any{today}},
		{&d.MarkerFalls, `SELECT ` + who + `, m.label || ': ' || x.oldest || ' to ' || x.newest AS what, x.newest_on::timestamptz AS at,
				'/clients/' || c.id || '/progress' AS target
			FROM (SELECT r.practice_id, r.client_id, r.marker_id,
					(array_agg(r.value ORDER BY r.rated_on DESC, r.id DESC))[3] AS oldest,
					(array_agg(r.value ORDER BY r.rated_on DESC, r.id DESC))[1] AS newest,
					max(r.rated_on) AS newest_on, count(*) AS n
				FROM (SELECT *, row_number() OVER (PARTITION BY client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
					FROM marker_ratings WHERE practice_id = $1) r
				WHERE r.rn <= 3 GROUP BY r.practice_id, r.client_id, r.marker_id) x
			JOIN clients c ON c.practice_id = x.practice_id AND c.id = x.client_id
			JOIN markers m ON m.practice_id = x.practice_id AND m.id = x.marker_id
			WHERE` + scopeSQL + `AND x.n = 3 AND x.oldest - x.newest >= 2 ORDER BY x.newest_on DESC`, nil},
		{&d.Appointments, `SELECT ` + who + `, p.duration_minutes || ' min' AS what, p.starts_at AS at, '/clients/' || c.id || '#appointments' AS target
			FROM appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
			WHERE` + scopeSQL + `AND p.status = 'scheduled' AND p.starts_at >= $4 AND p.starts_at < $5 ORDER BY p.starts_at`, []any{weekStart, weekEnd}},
		{&d.Recent, `SELECT * FROM (
				SELECT ` + who + `, 'Sent ' || a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target
				FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
				JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
				WHERE` + scopeSQL + `AND e.status = 'submitted'
				UNION ALL
				SELECT ` + who + `, 'Completed a check-in' AS what, k.completed_at AS at, '/clients/' || c.id || '/progress' AS target
				FROM checkins k JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
				WHERE` + scopeSQL + `AND k.completed_at IS NOT NULL) recent ORDER BY at DESC`, nil},
	}
	for _, l := range lists {
		q := `SELECT *, count(*) OVER () AS total FROM (` + l.query + `) listed LIMIT ` + strconv.Itoa(dashLimit)
		if err := s.db.SelectContext(ctx, l.dst, q, append(append([]any{}, args...), l.extra...)...); err != nil {
			return d, mapErr("dashboard list", err)
		}
	}
	if err := s.db.SelectContext(ctx, &d.ActiveGoals, `SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, `+
		prefixed("g.", goalColumns)+` FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
		WHERE`+scopeSQL+`AND g.status = 'active'`, args...); err != nil {
		return d, mapErr("dashboard goals", err)
	}
	if err := s.db.SelectContext(ctx, &d.Results, `SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
			x.measure_key, x.first_total, x.latest_total, x.latest_on
		FROM (SELECT practice_id, client_id, measure_key,
				(array_agg(total ORDER BY taken_on, id))[1] AS first_total,
				(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest_total,
				max(taken_on) AS latest_on, count(*) AS n
			FROM measure_results WHERE practice_id = $1 GROUP BY practice_id, client_id, measure_key) x
		JOIN clients c ON c.practice_id = x.practice_id AND c.id = x.client_id
		WHERE`+scopeSQL+`AND x.n >= 2`, args...); err != nil {
		return d, mapErr("dashboard results", err)
	}
	return d, nil
}

// prefixed qualifies a comma-separated column list with a table alias.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, col := range cols {
		cols[i] = alias + strings.TrimSpace(col)
	}
	return strings.Join(cols, ", ")
}

// Supervisees lists the counsellors a supervisor supervises.
func (s *Store) Supervisees(ctx context.Context, practiceID, supervisorID int64) ([]int64, error) {
	ids := []int64{}
	err := s.db.SelectContext(ctx, &ids, `SELECT counsellor_id FROM supervision WHERE practice_id = $1 AND supervisor_id = $2`,
		practiceID, supervisorID)
	return ids, mapErr("supervisees", err)
}
