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

// scopeSQL stands in a dashboard query for the clause that restricts the clients alias c to
// the scope, and {x1}, {x2} for the query's own parameters after the scope's.
const scopeSQL = ` {scope} `

// sql writes the scope's clause and numbers the extra parameters into query. A whole practice
// and a list of caseloads are different statements, each prepared with a plan of its own
// (one plan for both would be a poor fit for one of them).
func (d DashScope) sql(query string) string {
	clause, n := ` c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) `, 2
	if d.All {
		clause, n = ` c.practice_id = $1 AND c.archived_at IS NULL `, 1
	}
	return strings.NewReplacer("{scope}", clause, "{x1}", "$"+strconv.Itoa(n+1), "{x2}", "$"+strconv.Itoa(n+2)).Replace(query)
}

// args are the parameters of exportWhere: $1 the practice, $2 all, $3 the counsellors.
func (d DashScope) args(practiceID int64) []any {
	ids := d.Counsellors
	if ids == nil {
		ids = []int64{}
	}
	return []any{practiceID, d.All, pq.Int64Array(ids)}
}

// dashArgs are the parameters of the clause sql writes: $1 the practice, and $2 the
// counsellors unless the scope is All.
func (d DashScope) dashArgs(practiceID int64) []any {
	if d.All {
		return []any{practiceID}
	}
	ids := d.Counsellors
	if ids == nil {
		ids = []int64{}
	}
	return []any{practiceID, pq.Int64Array(ids)}
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

// LoadDashboard runs the dashboard's queries for the scope, as of today (a practice date),
// all on one snapshot of the data. The number of queries is fixed, however many clients there are.
// weekStart and weekEnd bound "this week" as instants in the practice's time zone.
func (s *Store) LoadDashboard(ctx context.Context, practiceID int64, scope DashScope, today, weekStart, weekEnd time.Time) (Dashboard, error) {
	var d Dashboard
	args := scope.dashArgs(practiceID)
	var counts []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	sels := []selection{{&counts, scope.sql(`SELECT c.status, count(*) AS n FROM clients c WHERE` + scopeSQL + `GROUP BY c.status`), args}}
	const who = `c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name`
	// Each list is its first twenty items in order, with how many there are in all counted
	// apart (count), where the joins that only name things can be left out.
	lists := []struct {
		dst   *[]DashItem
		cols  string // what and at, and target: where it is handled
		from  string // FROM ... WHERE ...: the list's items
		count string // FROM ... WHERE ... counting the same items; empty: from
		order string
		extra []any
	}{
		{&d.RiskFlags, `f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target`,
			`risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
			WHERE` + scopeSQL + `AND f.cleared_at IS NULL AND f.source <> 'phq9_item9'`, ``, `f.raised_at`, nil},
		{&d.ItemNine, `f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target`,
			`risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
			WHERE` + scopeSQL + `AND f.cleared_at IS NULL AND f.source = 'phq9_item9'`, ``, `f.raised_at`, nil},
		{&d.AwaitingReview, `a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target`,
			`homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
			JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
			WHERE` + scopeSQL + `AND e.status = 'submitted' AND e.reviewed_at IS NULL`,
			`homework_entries e JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
			WHERE` + scopeSQL + `AND e.status = 'submitted' AND e.reviewed_at IS NULL`, `e.submitted_at`, nil},
		{&d.Overdue, `a.title AS what, a.due_date::timestamptz AS at, '/clients/' || c.id || '/homework/' || a.id AS target`,
			`assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
			WHERE` + scopeSQL + `AND a.revoked_at IS NULL AND a.due_date < {x1}
			AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END`, ``, `a.due_date`, []any{today}},
		{&d.Expiring, `coalesce(a.title, CASE WHEN k.id IS NULL THEN 'Client link' ELSE 'Check-in' END) AS what, l.expires_at AS at,
				'/clients/' || c.id || coalesce('/homework/' || a.id, CASE WHEN k.id IS NULL THEN '' ELSE '/progress' END) AS target`,
			`client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
			LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
			JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
			WHERE` + scopeSQL + `AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
			AND k.completed_at IS NULL`, ``, `l.expires_at`, nil},
		{&d.GoalsDue, `g.statement AS what, g.target_date::timestamptz AS at, '/clients/' || c.id || '/goals/' || g.id AS target`,
			`goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
			WHERE` + scopeSQL + `AND g.status = 'active' AND g.target_date <= {x1}::date + 14`, ``, `g.target_date`, []any{today}},
		// Read client by client (the scope's clients drive: a caseload is a few of the practice's).
		{&d.MarkerFalls, `m.label || ': ' || t.oldest || ' to ' || t.newest AS what, t.newest_on::timestamptz AS at,
				'/clients/' || c.id || '/progress' AS target`,
			`clients c CROSS JOIN LATERAL (SELECT * FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
				AND t.ratings = 3 AND t.oldest - t.newest >= 2) t
			JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id WHERE` + scopeSQL,
			`clients c CROSS JOIN LATERAL (SELECT 1 FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
				AND t.ratings = 3 AND t.oldest - t.newest >= 2) t WHERE` + scopeSQL, `t.newest_on DESC`, nil},
		{&d.Appointments, `p.duration_minutes || ' min' AS what, p.starts_at AS at, '/clients/' || c.id || '#appointments' AS target`,
			`appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
			WHERE` + scopeSQL + `AND p.status = 'scheduled' AND p.starts_at >= {x1} AND p.starts_at < {x2}`, ``, `p.starts_at`, []any{weekStart, weekEnd}},
	}
	limit := ` LIMIT ` + strconv.Itoa(dashLimit)
	for _, l := range lists {
		count := l.count
		if count == "" {
			count = l.from
		}
		q := `SELECT ` + who + `, ` + l.cols + `, (SELECT count(*) FROM ` + count + `) AS total FROM ` + l.from + ` ORDER BY ` + l.order + limit
		sels = append(sels, selection{l.dst, scope.sql(q), append(append([]any{}, args...), l.extra...)})
	}
	// Recent activity: the latest twenty only, with no total (every entry ever sent is activity).
	sels = append(sels, selection{&d.Recent, scope.sql(`SELECT * FROM (
			(SELECT ` + who + `, 'Sent ' || a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target
			FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
			JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
			WHERE` + scopeSQL + `AND e.practice_id = $1 AND e.status = 'submitted' ORDER BY e.submitted_at DESC` + limit + `)
			UNION ALL
			(SELECT ` + who + `, 'Completed a check-in' AS what, k.completed_at AS at, '/clients/' || c.id || '/progress' AS target
			FROM checkins k JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
			WHERE` + scopeSQL + `AND k.practice_id = $1 AND k.completed_at IS NOT NULL ORDER BY k.completed_at DESC` + limit + `)
		) recent ORDER BY at DESC` + limit), args},
		selection{&d.ActiveGoals, scope.sql(`SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, ` +
			prefixed("g.", goalColumns) + ` FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
		WHERE` + scopeSQL + `AND g.status = 'active'`), args},
		selection{&d.Results, scope.sql(`SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
			x.measure_key, x.first_total, x.latest_total, x.latest_on
		FROM clients c CROSS JOIN LATERAL (SELECT measure_key,
				(array_agg(total ORDER BY taken_on, id))[1] AS first_total,
				(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest_total,
				max(taken_on) AS latest_on, count(*) AS n
			FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id GROUP BY measure_key) x
		WHERE` + scopeSQL + `AND x.n >= 2`), args})
	if err := s.db.selectSnapshot(ctx, sels); err != nil {
		return d, mapErr("dashboard", err)
	}
	d.StatusCounts = map[string]int{}
	for _, c := range counts {
		d.StatusCounts[c.Status] = c.N
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
