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

// The kinds of attention item (migration 0019), worst first.
const (
	KindRisk          = "risk"
	KindItemNine      = "item_nine"
	KindDeterioration = "deterioration"
	KindMarkerFall    = "marker_fall"
	KindReview        = "review"
	KindOverdue       = "overdue"
	KindExpiring      = "expiring"
	KindGoalDue       = "goal_due"
	KindMissedCheckin = "missed_checkin"
)

// AttentionKinds lists the kinds of attention item, worst first.
func AttentionKinds() []string {
	return []string{KindRisk, KindItemNine, KindDeterioration, KindMarkerFall, KindReview, KindOverdue, KindExpiring, KindGoalDue, KindMissedCheckin}
}

// QueuePart is one part of a client's row in the attention queue: the open items of one kind
// (and, for entries, assignments, scores and goals, one label) that show now.
type QueuePart struct {
	DashClient
	CounsellorID int64         `db:"counsellor_id"`
	Kind         string        `db:"kind"`
	Label        string        `db:"label"` // a neutral name ("Daily tally", "PHQ-9"); empty where parts group by kind
	N            int           `db:"n"`
	RefID        int64         `db:"ref_id"`        // the first item's cause (attention_items.ref_id)
	AssignmentID sql.NullInt64 `db:"assignment_id"` // for review: the assignment of the first entry
	DueAt        time.Time     `db:"due_at"`
	Place        int           `db:"place"`   // the client's place in the queue, from 1
	Clients      int           `db:"clients"` // how many clients the whole queue holds
}

// QueueClients is how many clients' rows the dashboard loads; the counts cover them all.
const QueueClients = 50

// Dashboard is everything on a dashboard, read on one snapshot: the attention queue, its
// counts by kind, the clients by status and the appointments of the coming week.
type Dashboard struct {
	StatusCounts map[string]int
	KindCounts   map[string]int
	Queue        []QueuePart
	Appointments []DashItem
	Counsellors  []User // the practice's counsellors, when asked for (admin and supervisor)
}

// LoadDashboard reads the dashboard for the scope, all on one snapshot of the data: four
// statements (five with the counsellors), however many clients there are. weekStart and
// weekEnd bound the appointments shown, as instants in the practice's time zone.
func (s *Store) LoadDashboard(ctx context.Context, practiceID int64, scope DashScope, weekStart, weekEnd time.Time, withCounsellors bool) (Dashboard, error) {
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
	var statuses []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	var kinds []struct {
		Kind string `db:"kind"`
		N    int    `db:"n"`
	}
	q := s.q
	sels := []selection{
		{&d.Queue, pick(q.AttentionQueuePractice, q.AttentionQueue), with(QueueClients)},
		{&kinds, pick(q.AttentionCountsPractice, q.AttentionCounts), args},
		{&statuses, pick(q.DashStatusCountsPractice, q.DashStatusCounts), args},
		{&d.Appointments, pick(q.DashAppointmentsPractice, q.DashAppointments), with(weekStart, weekEnd)},
	}
	if withCounsellors {
		sels = append(sels, selection{&d.Counsellors, q.Counsellors, []any{practiceID}})
	}
	if err := s.selectSnapshot(ctx, sels); err != nil {
		return d, mapErr("dashboard", err)
	}
	d.StatusCounts, d.KindCounts = map[string]int{}, map[string]int{}
	for _, c := range statuses {
		d.StatusCounts[c.Status] = c.N
	}
	for _, c := range kinds {
		d.KindCounts[c.Kind] = c.N
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
