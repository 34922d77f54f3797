package casework

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// GoalOpen reports whether a goal is still worked on (draft or active): it may be edited,
// take readings and be fed by homework. Achieved, revised and discontinued goals are closed.
func GoalOpen(status string) bool { return status == GoalDraft || status == GoalActive }

// SaveProblems judges a goal about to be saved with the status it has (empty for a new goal):
// it must never be contradictory, a new goal needs its statement, and an active goal must
// stay complete.
func (g SMART) SaveProblems(status string) map[string]string {
	p := g.Problems()
	if status == GoalActive {
		addMissing(p, g.MissingForActivation())
	}
	if status == "" && g.Statement == "" {
		addMissing(p, map[string]string{"statement": "Say the goal in plain words."})
	}
	return p
}

// addMissing copies into p the messages of fields p has none for.
func addMissing(p, more map[string]string) {
	for field, msg := range more {
		if _, ok := p[field]; !ok {
			p[field] = msg
		}
	}
}

// CheckReading judges a reading for a goal of the given status: not dated in the future
// (after now), the reading rules of ReadingProblems when date and value were read, and only
// for an open goal ("_form").
func CheckReading(status string, g SMART, unitCode string, date *time.Time, value *float64, now time.Time) map[string]string {
	p := map[string]string{}
	if date != nil && date.After(now) {
		p["reading_date"] = "A reading cannot be dated in the future."
	}
	if date != nil && value != nil {
		addMissing(p, ReadingProblems(g, unitCode, *date, *value))
	}
	if !GoalOpen(status) {
		p["_form"] = "This goal is closed; readings can no longer be added."
	}
	return p
}

// ReasonLimit is the most characters a status change's reason may have.
const ReasonLimit = 2000

// ErrUnknownStatus is a status change to no known status.
var ErrUnknownStatus = errors.New("choose the new status")

// ErrPastTarget is an activation whose target date has passed, not yet confirmed.
var ErrPastTarget = errors.New("the target date has passed: confirm the activation")

// TransitionError is a move the lifecycle does not allow.
type TransitionError struct{ From, To string }

// Error says the move in words a counsellor reads.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("A goal that is %s cannot become %s.", e.From, e.To)
}

// IncompleteError is an activation of a goal whose SMART parts are not all in place.
type IncompleteError struct{ Missing map[string]string }

// Error names how many parts are missing.
func (e *IncompleteError) Error() string {
	return fmt.Sprintf("%d SMART parts are missing", len(e.Missing))
}

// StatusChange is a request to move a goal from its status to another.
type StatusChange struct {
	From, To            string
	Reason              string // trimmed
	Goal                SMART
	Today               time.Time // the practice's calendar day, for activation
	PastTargetConfirmed bool
}

// Check applies the lifecycle's gates. Its error is the gate that stops the change:
// ErrUnknownStatus, a *TransitionError, ErrPastTarget or an *IncompleteError (activation
// needs every SMART part). Problems are the reason's, by field, for a change that may go on.
func (ch StatusChange) Check() (problems map[string]string, err error) {
	if !GoalStatuses().Has(ch.To) {
		return nil, ErrUnknownStatus
	}
	if !CanTransition(ch.From, ch.To) {
		return nil, &TransitionError{From: ch.From, To: ch.To}
	}
	problems = map[string]string{}
	if NeedsReason(ch.To) && ch.Reason == "" {
		problems["reason"] = "Give a reason: it stays with the goal's history."
	} else if utf8.RuneCountInString(ch.Reason) > ReasonLimit {
		problems["reason"] = "Use at most 2000 characters."
	}
	if ch.To == GoalActive {
		if TargetPassed(ch.Goal, ch.Today) && !ch.PastTargetConfirmed {
			return problems, ErrPastTarget
		}
		if missing := ch.Goal.MissingForActivation(); len(missing) > 0 {
			return problems, &IncompleteError{Missing: missing}
		}
	}
	return problems, nil
}
