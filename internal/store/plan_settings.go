package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/measures"
)

// PlanSettings are the practice's settings for plans: its default plan for new clients
// (part -> frequency; empty: none) and the over-use threshold.
type PlanSettings struct {
	TimeZone         string `db:"time_zone"`
	DefaultPlan      []byte `db:"default_plan"`
	OveruseThreshold int    `db:"overuse_threshold"`
}

// DefaultEvery returns the default plan's parts and frequencies.
func (ps PlanSettings) DefaultEvery() (map[string]string, error) {
	every := map[string]string{}
	if err := json.Unmarshal(ps.DefaultPlan, &every); err != nil {
		return nil, fmt.Errorf("default plan: %w", err)
	}
	return every, nil
}

// PlanSettings returns the practice's plan settings.
func (s *Store) PlanSettings(ctx context.Context, practiceID int64) (PlanSettings, error) {
	var ps PlanSettings
	err := s.q.PlanSettings.GetContext(ctx, &ps, practiceID)
	return ps, mapErr("plan settings", err)
}

// SavePlanSettings saves the practice's default plan and over-use threshold, with audit.
func (s *Store) SavePlanSettings(ctx context.Context, practiceID int64, every map[string]string, threshold int, audit AuditEntry) error {
	b, err := json.Marshal(every)
	if err != nil {
		return fmt.Errorf("default plan: %w", err)
	}
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SavePlanSettings, practiceID, b, threshold)
		return affected("save plan settings", res, err)
	})
}

// applyDefaultPlan gives a new client the practice's default plan, starting today, inside tx.
func (s *Store) applyDefaultPlan(ctx context.Context, tx *sqlx.Tx, practiceID, clientID, userID int64, today time.Time) error {
	var ps PlanSettings
	if err := txGet(ctx, tx, s.q.PlanSettings, &ps, practiceID); err != nil {
		return mapErr("plan settings", err)
	}
	every, err := ps.DefaultEvery()
	if err != nil || len(every) == 0 {
		return err
	}
	if _, err := txExec(ctx, tx, s.q.SavePlan, practiceID, clientID, today, ps.DefaultPlan, userID); err != nil {
		return mapErr("default plan", err)
	}
	return s.syncPlan(ctx, tx, practiceID, clientID, today)
}

// planFollowsStatus keeps the client's plan in step with a change of status on today, inside
// tx: pausing the client pauses the plan (what fell due before is made first), resuming ends
// the pause, and a discharge ends the plan.
func (s *Store) planFollowsStatus(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, to string, today time.Time) error {
	var p MeasurementPlan
	err := txGet(ctx, tx, s.q.Plan, &p, practiceID, clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return mapErr("plan", err)
	}
	if err := s.syncPlan(ctx, tx, practiceID, clientID, today.AddDate(0, 0, -1)); err != nil {
		return err
	}
	rule, err := p.Rule()
	if err != nil {
		return err
	}
	open := -1
	for i, ps := range rule.Pauses {
		if ps.To.IsZero() {
			open = i
		}
	}
	switch {
	case to == "paused" && open < 0:
		rule.Pauses = append(rule.Pauses, measures.Pause{From: today})
	case to != "paused" && open >= 0:
		rule.Pauses[open].To = today
	}
	if to == "discharged" && rule.EndsOn == nil {
		rule.EndsOn = &today
	}
	pauses, err := json.Marshal(rule.Pauses)
	if err != nil {
		return fmt.Errorf("plan pauses: %w", err)
	}
	_, err = txExec(ctx, tx, s.q.SetPlanPauses, practiceID, clientID, pauses, rule.EndsOn)
	return mapErr("plan pauses", err)
}

// DueForm is one form a client's private page lists at a moment: a check-in (asked for by
// hand, or made by the plan) or homework with a day still to send.
type DueForm struct {
	ClientID int64     `db:"client_id"`
	Kind     string    `db:"kind"` // "checkin" or "homework"
	RefID    int64     `db:"ref_id"`
	DueOn    time.Time `db:"due_on"`
}

// DueForms lists, for the practice at now, every form its open clients' pages list, by client:
// the same choice as the client's page (DueCheckins and DueAssignments), after making each
// plan's check-ins that fell due by the practice's local date. Made for reminders.
func (s *Store) DueForms(ctx context.Context, practiceID int64, now time.Time) ([]DueForm, error) {
	ps, err := s.PlanSettings(ctx, practiceID)
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(ps.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	today := measures.LocalDay(now, loc)
	var clients []int64
	if err := s.q.PracticePlanClients.SelectContext(ctx, &clients, practiceID); err != nil {
		return nil, mapErr("plan clients", err)
	}
	// One short transaction per client with a plan: each takes that client's queue lock.
	for _, id := range clients {
		if err := s.SyncPlan(ctx, practiceID, id, today); err != nil {
			return nil, err
		}
	}
	var out []DueForm
	err = s.q.PracticeDueForms.SelectContext(ctx, &out, practiceID, today, measures.PlanGraceDays)
	return out, mapErr("due forms", err)
}

// OveruseDay is a day on which a client sent more entries than the practice's threshold
// beyond those assigned for the day: a quiet note for the counsellor, never a block.
type OveruseDay struct {
	Day       time.Time `db:"day"`
	Sent      int       `db:"sent"`
	Assigned  int       `db:"assigned"`
	Threshold int       `db:"threshold"`
}

// OveruseDays returns the client's over-use days since since, latest first.
func (s *Store) OveruseDays(ctx context.Context, practiceID, clientID int64, since time.Time) ([]OveruseDay, error) {
	var ds []OveruseDay
	err := s.q.OveruseDays.SelectContext(ctx, &ds, practiceID, clientID, since)
	return ds, mapErr("over-use days", err)
}
