package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/measures"
)

// MeasurementPlan is a client's measurement plan as stored (migration 0032).
type MeasurementPlan struct {
	ClientID  int64      `db:"client_id"`
	StartsOn  time.Time  `db:"starts_on"`
	Schedule  []byte     `db:"schedule"` // part -> frequency
	Pauses    []byte     `db:"pauses"`   // []measures.Pause
	EndedOn   *time.Time `db:"ended_on"`
	SetBy     int64      `db:"set_by"`
	UpdatedAt time.Time  `db:"updated_at"`
}

// Rule returns the plan as the rule that works out its dates.
func (p MeasurementPlan) Rule() (measures.Plan, error) {
	r := measures.Plan{StartsOn: p.StartsOn.UTC(), EndsOn: p.EndedOn}
	if err := json.Unmarshal(p.Schedule, &r.Every); err != nil {
		return r, fmt.Errorf("plan schedule: %w", err)
	}
	if err := json.Unmarshal(p.Pauses, &r.Pauses); err != nil {
		return r, fmt.Errorf("plan pauses: %w", err)
	}
	return r, nil
}

// Plan returns the client's measurement plan; ErrNotFound when there is none.
func (s *Store) Plan(ctx context.Context, practiceID, clientID int64) (MeasurementPlan, error) {
	var p MeasurementPlan
	err := s.q.Plan.GetContext(ctx, &p, practiceID, clientID)
	return p, mapErr("plan", err)
}

// SavePlan gives the client a plan (replacing any: check-ins the old one made and not yet
// lapsed are withdrawn) starting on startsOn, and makes the check-ins already due on today.
func (s *Store) SavePlan(ctx context.Context, practiceID, clientID, userID int64, startsOn time.Time, every map[string]string,
	today time.Time, audit AuditEntry) error {
	schedule, err := json.Marshal(every)
	if err != nil {
		return fmt.Errorf("plan schedule: %w", err)
	}
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		if _, err := txExec(ctx, tx, s.q.RevokePlannedCheckins, practiceID, clientID, today, measures.PlanGraceDays); err != nil {
			return mapErr("withdraw planned check-ins", err)
		}
		if _, err := txExec(ctx, tx, s.q.SavePlan, practiceID, clientID, startsOn, schedule, userID); err != nil {
			return mapErr("save plan", err)
		}
		if err := s.syncPlan(ctx, tx, practiceID, clientID, today); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// RemovePlan ends the client's plan: its check-ins not yet lapsed are withdrawn.
func (s *Store) RemovePlan(ctx context.Context, practiceID, clientID int64, today time.Time, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.DeletePlan, practiceID, clientID)
		if err := affected("remove plan", res, err); err != nil {
			return err
		}
		if _, err := txExec(ctx, tx, s.q.RevokePlannedCheckins, practiceID, clientID, today, measures.PlanGraceDays); err != nil {
			return mapErr("withdraw planned check-ins", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// syncPlan makes, inside tx, a check-in for each of the plan's occurrences that has fallen
// due by today (in the last measures.PlanHorizonWeeks), once; a closed record makes none.
func (s *Store) syncPlan(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, today time.Time) error {
	_, err := s.makePlanned(ctx, tx, practiceID, clientID, today)
	return err
}

// makePlanned is syncPlan, reporting how many check-ins it made.
func (s *Store) makePlanned(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, today time.Time) (int64, error) {
	var p MeasurementPlan
	err := txGet(ctx, tx, s.q.Plan, &p, practiceID, clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, mapErr("plan", err)
	}
	rule, err := p.Rule()
	if err != nil {
		return 0, err
	}
	from := today.AddDate(0, 0, -7*measures.PlanHorizonWeeks)
	if from.Before(rule.StartsOn) {
		from = rule.StartsOn
	}
	var pc struct {
		Open         bool           `db:"open"`
		Appointments pq.StringArray `db:"appointments"`
	}
	if err := txGet(ctx, tx, s.q.PlanContext, &pc, practiceID, clientID, from.Add(-48*time.Hour)); err != nil {
		return 0, mapErr("plan context", err)
	}
	if !pc.Open {
		return 0, nil
	}
	var appts []time.Time
	for _, a := range pc.Appointments {
		d, err := time.Parse(time.DateOnly, a)
		if err != nil {
			return 0, fmt.Errorf("appointment date %q: %w", a, err)
		}
		appts = append(appts, d)
	}
	occ := rule.Occurrences(from, today, appts)
	if len(occ) == 0 {
		return 0, nil
	}
	var days, ms pq.StringArray
	var markers pq.BoolArray
	for _, o := range occ {
		days = append(days, o.Day.Format(time.DateOnly))
		markers = append(markers, o.Markers)
		ms = append(ms, strings.Join(o.Measures, ","))
	}
	res, err := txExec(ctx, tx, s.q.InsertPlannedCheckins, practiceID, clientID, p.SetBy, days, markers, ms)
	if err != nil {
		return 0, mapErr("make planned check-ins", err)
	}
	return res.RowsAffected()
}

// DueCheckins makes the client's planned check-ins that have fallen due by today, then lists
// the check-ins the client's page shows: those asked for by hand and still waiting, and the
// plan's that fell due and have not lapsed (measures.PlanGraceDays). Newest first.
func (s *Store) DueCheckins(ctx context.Context, practiceID, clientID int64, today time.Time) ([]Checkin, error) {
	if err := s.SyncPlan(ctx, practiceID, clientID, today); err != nil {
		return nil, err
	}
	var cks []Checkin
	err := s.q.DueCheckins.SelectContext(ctx, &cks, practiceID, clientID, today, measures.PlanGraceDays)
	return cks, mapErr("due check-ins", err)
}

// SyncPlan makes the client's planned check-ins that have fallen due by today, in a
// transaction of its own that also brings the attention queue in line when it made any (each
// is a gap once it lapses).
func (s *Store) SyncPlan(ctx context.Context, practiceID, clientID int64, today time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		made, err := s.makePlanned(ctx, tx, practiceID, clientID, today)
		if err != nil || made == 0 {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// PlannedCheckins makes the plan's check-ins due by today, then returns the plan and the
// check-ins it made in the last measures.PlanHorizonWeeks, newest first (ErrNotFound: no plan).
func (s *Store) PlannedCheckins(ctx context.Context, practiceID, clientID int64, today time.Time) (MeasurementPlan, []Checkin, error) {
	if err := s.SyncPlan(ctx, practiceID, clientID, today); err != nil {
		return MeasurementPlan{}, nil, err
	}
	p, err := s.Plan(ctx, practiceID, clientID)
	if err != nil {
		return p, nil, err
	}
	var cks []Checkin
	err = s.q.PlannedCheckins.SelectContext(ctx, &cks, practiceID, clientID, today.AddDate(0, 0, -7*measures.PlanHorizonWeeks))
	return p, cks, mapErr("planned check-ins", err)
}
