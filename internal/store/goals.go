package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Goal is a SMART goal of a client.
type Goal struct {
	ID            int64          `db:"id"`
	ClientID      int64          `db:"client_id"`
	Statement     string         `db:"statement"`
	What          string         `db:"what"`
	Where         string         `db:"where_"`
	WithWhom      string         `db:"with_whom"`
	Metric        string         `db:"metric"`
	Unit          string         `db:"unit"`
	MetricCode    string         `db:"metric_code"`
	UnitCode      string         `db:"unit_code"`
	Direction     string         `db:"direction"`
	BaselineValue *float64       `db:"baseline_value"`
	BaselineDate  *time.Time     `db:"baseline_date"`
	TargetValue   *float64       `db:"target_value"`
	MeasureHow    string         `db:"measure_how"`
	MeasureOften  string         `db:"measure_often"`
	Steps         string         `db:"steps"`
	Supports      string         `db:"supports"`
	Concerns      pq.StringArray `db:"concerns"`
	TargetDate    *time.Time     `db:"target_date"`
	Status        string         `db:"status"`
	ReplacedBy    *int64         `db:"replaced_by"`
	Version       int            `db:"version"`
	CreatedAt     time.Time      `db:"created_at"`
	UpdatedAt     time.Time      `db:"updated_at"`
}

// GoalInput is the content of a goal as edited.
type GoalInput struct {
	Statement, What, Where, WithWhom string
	Metric, Unit, Direction          string
	BaselineValue                    *float64
	BaselineDate                     *time.Time
	TargetValue                      *float64
	MeasureHow, MeasureOften         string
	Steps, Supports                  string
	Concerns                         []string
	TargetDate                       *time.Time
	MetricCode, UnitCode             string // coded categories (casework.GoalMetricCodes, GoalUnitCodes)
}

// GoalStatusChange is one step of a goal's lifecycle.
type GoalStatusChange struct {
	FromStatus    string    `db:"from_status"`
	ToStatus      string    `db:"to_status"`
	Reason        string    `db:"reason"`
	ChangedByName string    `db:"changed_by_name"`
	ChangedAt     time.Time `db:"changed_at"`
}

// GoalReading is one dated value of a goal's measure.
type GoalReading struct {
	ID          int64     `db:"id"`
	GoalID      int64     `db:"goal_id"`
	ReadingDate time.Time `db:"reading_date"`
	Value       float64   `db:"value"`
	Note        string    `db:"note"`
	Source      string    `db:"source"`
}

func goalArgs(in GoalInput) []any {
	return []any{in.Statement, in.What, in.Where, in.WithWhom, in.Metric, in.Unit, in.Direction, in.BaselineValue,
		in.BaselineDate, in.TargetValue, in.MeasureHow, in.MeasureOften, in.Steps, in.Supports, stringArray(in.Concerns), in.TargetDate,
		in.MetricCode, in.UnitCode}
}

// CreateGoal adds a draft goal for a client, with its audit entry (naming the new goal).
func (s *Store) CreateGoal(ctx context.Context, practiceID, clientID, userID int64, in GoalInput, audit AuditEntry) (int64, error) {
	var id int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		err := txGet(ctx, tx, s.q.CreateGoal, &id, append([]any{practiceID, clientID, userID}, goalArgs(in)...)...)
		audit.withID(id)
		return mapErr("create goal", err)
	})
	return id, err
}

// Goal returns one goal of the client.
func (s *Store) Goal(ctx context.Context, practiceID, clientID, goalID int64) (Goal, error) {
	var g Goal
	err := s.q.Goal.GetContext(ctx, &g, practiceID, clientID, goalID)
	return g, mapErr("goal", err)
}

// Goals lists the client's goals: active first, then drafts, then closed ones.
func (s *Store) Goals(ctx context.Context, practiceID, clientID int64) ([]Goal, error) {
	var gs []Goal
	err := s.q.Goals.SelectContext(ctx, &gs, practiceID, clientID)
	return gs, mapErr("goals", err)
}

// UpdateGoal saves an edit of a draft or active goal made from version; ErrConflict when
// the goal changed in between (or is no longer editable).
func (s *Store) UpdateGoal(ctx context.Context, practiceID, clientID, goalID int64, version int, in GoalInput, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.updateGoal(ctx, tx, practiceID, clientID, goalID, version, in); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// updateGoal saves an edit of a goal within tx.
func (s *Store) updateGoal(ctx context.Context, tx *sqlx.Tx, practiceID, clientID, goalID int64, version int, in GoalInput) error {
	res, err := txExec(ctx, tx, s.q.UpdateGoal, append([]any{practiceID, clientID, goalID, version}, goalArgs(in)...)...)
	if err := affected("update goal", res, err); err != ErrNotFound {
		return err
	}
	return ErrConflict
}

// TransitionGoal moves a goal from one status to another with a reason, recording the
// change; ErrConflict when the goal changed since version was read (so an activation
// checked against one version never applies to another).
func (s *Store) TransitionGoal(ctx context.Context, practiceID, clientID, goalID, userID int64, version int, from, to, reason string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var current int
		err := txGet(ctx, tx, s.q.LockGoalVersion, &current, practiceID, clientID, goalID)
		if err != nil {
			return mapErr("goal", err)
		}
		if current != version {
			return ErrConflict
		}
		if err := s.transitionGoal(ctx, tx, practiceID, clientID, goalID, userID, from, to, reason, nil); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// ReviseGoal closes an active goal as revised and creates its replacement as a draft
// (a copy to edit), linked from the old one. It returns the new goal's id.
func (s *Store) ReviseGoal(ctx context.Context, practiceID, clientID, goalID, userID int64, reason string, audit AuditEntry) (int64, error) {
	var newID int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var old Goal
		if err := txGet(ctx, tx, s.q.LockGoal, &old, practiceID, clientID, goalID); err != nil {
			return mapErr("goal", err)
		}
		in := GoalInput{old.Statement, old.What, old.Where, old.WithWhom, old.Metric, old.Unit, old.Direction, old.BaselineValue,
			old.BaselineDate, old.TargetValue, old.MeasureHow, old.MeasureOften, old.Steps, old.Supports, old.Concerns, old.TargetDate,
			old.MetricCode, old.UnitCode}
		if err := txGet(ctx, tx, s.q.CreateGoal, &newID, append([]any{practiceID, clientID, userID}, goalArgs(in)...)...); err != nil {
			return mapErr("create replacement goal", err)
		}
		if err := s.transitionGoal(ctx, tx, practiceID, clientID, goalID, userID, "active", "revised", reason, &newID); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
	return newID, err
}

func (s *Store) transitionGoal(ctx context.Context, tx *sqlx.Tx, practiceID, clientID, goalID, userID int64, from, to, reason string, replacedBy *int64) error {
	res, err := txExec(ctx, tx, s.q.SetGoalStatus, practiceID, clientID, goalID, from, to, replacedBy)
	if err := affected("transition goal", res, err); err != nil {
		if err == ErrNotFound {
			return ErrConflict
		}
		return err
	}
	_, err = txExec(ctx, tx, s.q.InsertGoalStatusChange, practiceID, goalID, from, to, reason, userID)
	return mapErr("record goal status change", err)
}

// GoalHistory lists a goal's status changes, oldest first.
func (s *Store) GoalHistory(ctx context.Context, practiceID, goalID int64) ([]GoalStatusChange, error) {
	var hs []GoalStatusChange
	err := s.q.GoalHistory.SelectContext(ctx, &hs, practiceID, goalID)
	return hs, mapErr("goal history", err)
}

// AddGoalReading records a counsellor's reading of a goal's measure.
func (s *Store) AddGoalReading(ctx context.Context, practiceID, clientID, goalID, userID int64, date time.Time, value float64, note string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.AddGoalReading, practiceID, clientID, goalID, date, value, note, userID)
		return affected("add goal reading", res, err)
	})
}

// GoalReadings returns the readings of several goals of one practice in one query, by goal id,
// each oldest first.
func (s *Store) GoalReadings(ctx context.Context, practiceID int64, goalIDs []int64) (map[int64][]GoalReading, error) {
	out := map[int64][]GoalReading{}
	if len(goalIDs) == 0 {
		return out, nil
	}
	var rs []GoalReading
	err := s.q.GoalReadings.SelectContext(ctx, &rs, practiceID, pq.Int64Array(goalIDs))
	if err != nil {
		return nil, mapErr("goal readings", err)
	}
	for _, r := range rs {
		out[r.GoalID] = append(out[r.GoalID], r)
	}
	return out, nil
}
