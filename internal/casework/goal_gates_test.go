package casework

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestGoalOpenAndInCare(t *testing.T) {
	for status, want := range map[string]bool{GoalDraft: true, GoalActive: true, GoalAchieved: false, GoalRevised: false, GoalDiscontinued: false} {
		if GoalOpen(status) != want {
			t.Errorf("GoalOpen(%s) = %v", status, !want)
		}
	}
	cases := []struct {
		status   string
		archived bool
		want     bool
	}{{"active", false, true}, {"intake", false, true}, {"paused", false, true}, {"discharged", false, false}, {"active", true, false}}
	for _, tc := range cases {
		if InCare(tc.status, tc.archived) != tc.want {
			t.Errorf("InCare(%s, archived=%v) = %v", tc.status, tc.archived, !tc.want)
		}
	}
}

func TestSaveProblems(t *testing.T) {
	incomplete := SMART{Statement: "Sleep more"}
	contradictory := completeGoal()
	contradictory.TargetValue = f(12) // a decrease with a target above the baseline
	cases := []struct {
		name   string
		g      SMART
		status string
		want   []string // fields refused
	}{
		{"a new draft needs only its statement", incomplete, "", nil},
		{"a new goal without a statement", SMART{}, "", []string{"statement"}},
		{"a saved draft may lack its statement", SMART{What: "x"}, GoalDraft, nil},
		{"an active goal must stay complete", incomplete, GoalActive, []string{"what", "target_date", "baseline_value"}},
		{"no goal may contradict itself", contradictory, GoalDraft, []string{"target_value"}},
		{"a complete active goal", completeGoal(), GoalActive, nil},
	}
	for _, tc := range cases {
		got := tc.g.SaveProblems(tc.status)
		if tc.want == nil && len(got) > 0 {
			t.Errorf("%s: refused %v", tc.name, got)
		}
		for _, field := range tc.want {
			if got[field] == "" {
				t.Errorf("%s: no message for %s (%v)", tc.name, field, got)
			}
		}
	}
	if got := contradictory.SaveProblems(GoalActive)["target_value"]; !strings.Contains(got, "below the baseline") {
		t.Errorf("the contradiction's message gave way to another: %q", got)
	}
}

func TestCheckReading(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	g := completeGoal() // baseline 2026-01-05
	cases := []struct {
		name   string
		status string
		unit   string
		date   *time.Time
		value  *float64
		want   string // the one field refused, or ""
	}{
		{"a fine reading", GoalActive, "times_per_day", d("2026-02-01"), f(3), ""},
		{"in the future", GoalActive, "times_per_day", d("2026-03-02"), f(3), "reading_date"},
		{"before the baseline", GoalDraft, "times_per_day", d("2026-01-01"), f(3), "reading_date"},
		{"a negative count", GoalActive, "times_per_day", d("2026-02-01"), f(-1), "value"},
		{"a signed unit below zero", GoalActive, "other", d("2026-02-01"), f(-1), ""},
		{"a closed goal", GoalAchieved, "times_per_day", d("2026-02-01"), f(3), "_form"},
		{"unread date and value", GoalActive, "times_per_day", nil, nil, ""},
	}
	for _, tc := range cases {
		got := CheckReading(tc.status, g, tc.unit, tc.date, tc.value, now)
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[tc.want] == "") {
			t.Errorf("%s: %v, want only %q", tc.name, got, tc.want)
		}
	}
}

func TestStatusChangeGates(t *testing.T) {
	today := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	late := completeGoal()
	late.TargetDate = d("2026-01-20")
	long := strings.Repeat("é", ReasonLimit+1)
	var transition *TransitionError
	var incomplete *IncompleteError
	cases := []struct {
		name     string
		ch       StatusChange
		is       func(error) bool
		problems string // field with a problem, or ""
	}{
		{"unknown status", StatusChange{From: GoalDraft, To: "finished"}, func(e error) bool { return errors.Is(e, ErrUnknownStatus) }, ""},
		{"achieved is final", StatusChange{From: GoalAchieved, To: GoalActive}, func(e error) bool { return errors.As(e, &transition) }, ""},
		{"draft cannot be achieved", StatusChange{From: GoalDraft, To: GoalAchieved, Reason: "x"}, func(e error) bool { return errors.As(e, &transition) }, ""},
		{"activation of a complete goal", StatusChange{From: GoalDraft, To: GoalActive, Goal: completeGoal(), Today: today}, isNil, ""},
		{"activation of an incomplete goal", StatusChange{From: GoalDraft, To: GoalActive, Goal: SMART{Statement: "x"}, Today: today},
			func(e error) bool { return errors.As(e, &incomplete) && incomplete.Missing["target_date"] != "" }, ""},
		{"activation past the target", StatusChange{From: GoalDraft, To: GoalActive, Goal: late, Today: today}, func(e error) bool { return errors.Is(e, ErrPastTarget) }, ""},
		{"activation past the target, confirmed", StatusChange{From: GoalDraft, To: GoalActive, Goal: late, Today: today, PastTargetConfirmed: true}, isNil, ""},
		{"discontinued without a reason", StatusChange{From: GoalActive, To: GoalDiscontinued}, isNil, "reason"},
		{"achieved with a reason", StatusChange{From: GoalActive, To: GoalAchieved, Reason: "done"}, isNil, ""},
		{"a reason too long", StatusChange{From: GoalActive, To: GoalRevised, Reason: long}, isNil, "reason"},
		{"a reason of exactly the limit", StatusChange{From: GoalActive, To: GoalRevised, Reason: long[2:]}, isNil, ""},
	}
	for _, tc := range cases {
		problems, err := tc.ch.Check()
		if !tc.is(err) {
			t.Errorf("%s: error %v", tc.name, err)
		}
		if tc.problems == "" && len(problems) > 0 || tc.problems != "" && problems[tc.problems] == "" {
			t.Errorf("%s: problems %v, want %q", tc.name, problems, tc.problems)
		}
	}
	if msg := (&TransitionError{From: "achieved", To: "active"}).Error(); msg != "A goal that is achieved cannot become active." {
		t.Errorf("transition message %q", msg)
	}
}

func isNil(err error) bool { return err == nil }
