package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// DashScope is whose clients a dashboard covers: the whole practice, or some counsellors'
// caseloads (a counsellor's own; a supervisor's supervisees).
type DashScope struct {
	All         bool
	Counsellors []int64
}

// args are the parameters of the export filter (queries/exports.sql): $1 the practice, $2 all, $3 the counsellors.
func (d DashScope) args(practiceID int64) []any {
	ids := d.Counsellors
	if ids == nil {
		ids = []int64{}
	}
	return []any{practiceID, d.All, pq.Int64Array(ids)}
}

// dashArgs are the parameters of the scope in the dashboard's queries: $1 the practice, and
// $2 the counsellors unless the scope is All.
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

// LoadDashboard runs the dashboard's queries for the scope, as of today (a practice date),
// all on one snapshot of the data. The number of queries is fixed, however many clients there are.
// weekStart and weekEnd bound "this week" as instants in the practice's time zone.
func (s *Store) LoadDashboard(ctx context.Context, practiceID int64, scope DashScope, today, weekStart, weekEnd time.Time) (Dashboard, error) {
	var d Dashboard
	args := scope.dashArgs(practiceID)
	with := func(extra ...any) []any { return append(append([]any{}, args...), extra...) }
	// pick is the statement of the scope: each has a plan of its own.
	pick := func(practice, caseloads *sqlx.Stmt) *sqlx.Stmt {
		if scope.All {
			return practice
		}
		return caseloads
	}
	var counts []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	q := s.q
	sels := []selection{
		{&counts, pick(q.DashStatusCountsPractice, q.DashStatusCounts), args},
		{&d.RiskFlags, pick(q.DashRiskFlagsPractice, q.DashRiskFlags), args},
		{&d.ItemNine, pick(q.DashItemNinePractice, q.DashItemNine), args},
		{&d.AwaitingReview, pick(q.DashAwaitingReviewPractice, q.DashAwaitingReview), args},
		{&d.Overdue, pick(q.DashOverduePractice, q.DashOverdue), with(today)},
		{&d.Expiring, pick(q.DashExpiringPractice, q.DashExpiring), args},
		{&d.GoalsDue, pick(q.DashGoalsDuePractice, q.DashGoalsDue), with(today)},
		{&d.MarkerFalls, pick(q.DashMarkerFallsPractice, q.DashMarkerFalls), args},
		{&d.Appointments, pick(q.DashAppointmentsPractice, q.DashAppointments), with(weekStart, weekEnd)},
		{&d.Recent, pick(q.DashRecentPractice, q.DashRecent), args},
		{&d.ActiveGoals, pick(q.DashActiveGoalsPractice, q.DashActiveGoals), args},
		{&d.Results, pick(q.DashResultsPractice, q.DashResults), args},
	}
	if err := s.selectSnapshot(ctx, sels); err != nil {
		return d, mapErr("dashboard", err)
	}
	d.StatusCounts = map[string]int{}
	for _, c := range counts {
		d.StatusCounts[c.Status] = c.N
	}
	return d, nil
}

// selection is one query of a batch, with where its rows go.
type selection struct {
	dest any
	st   *sqlx.Stmt
	args []any
}

// selectSnapshot runs the selections in one read-only REPEATABLE READ transaction, so that
// they all see the same data (read-only, it can never fail with a serialisation error), through
// their prepared statements with generic plans: a plan made once per connection rather than
// one made for each run's arguments, which for the dashboard's short queries costs more than
// running them.
func (s *Store) selectSnapshot(ctx context.Context, sels []selection) error {
	tx, err := s.pool.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := txExec(ctx, tx, s.q.GenericPlans); err != nil {
		return err
	}
	for _, sel := range sels {
		if err := txSelect(ctx, tx, sel.st, sel.dest, sel.args...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Supervisees lists the counsellors a supervisor supervises.
func (s *Store) Supervisees(ctx context.Context, practiceID, supervisorID int64) ([]int64, error) {
	ids := []int64{}
	err := s.q.Supervisees.SelectContext(ctx, &ids, practiceID, supervisorID)
	return ids, mapErr("supervisees", err)
}
