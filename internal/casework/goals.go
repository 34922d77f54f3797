package casework

import (
	"math"
	"time"
)

// Goal statuses.
const (
	GoalDraft        = "draft"
	GoalActive       = "active"
	GoalAchieved     = "achieved"
	GoalRevised      = "revised"
	GoalDiscontinued = "discontinued"
)

// GoalStatuses lists the lifecycle states.
func GoalStatuses() Options {
	return Options{{GoalDraft, "Draft"}, {GoalActive, "Active"}, {GoalAchieved, "Achieved"}, {GoalRevised, "Revised"}, {GoalDiscontinued, "Discontinued"}}
}

// Directions a goal's measure should move in.
func Directions() Options {
	return Options{{"decrease", "Decrease"}, {"increase", "Increase"}}
}

// transitions lists the lifecycle: draft → active → achieved, revised or discontinued;
// a draft may also be dropped (discontinued). Achieved, revised and discontinued are final.
func transitions() map[string][]string {
	return map[string][]string{
		GoalDraft:  {GoalActive, GoalDiscontinued},
		GoalActive: {GoalAchieved, GoalRevised, GoalDiscontinued},
	}
}

// CanTransition reports whether a goal may move from one status to another.
func CanTransition(from, to string) bool {
	for _, t := range transitions()[from] {
		if t == to {
			return true
		}
	}
	return false
}

// NextStatuses lists where a goal may go from status.
func NextStatuses(status string) []string { return transitions()[status] }

// NeedsReason reports whether moving to status needs a reason: every move but activation.
func NeedsReason(to string) bool { return to != GoalActive }

// SMART is the content of a goal that the rules judge. Optional numbers are pointers:
// nil means "not given yet", which a draft allows.
type SMART struct {
	Statement     string
	What          string
	Where         string
	WithWhom      string
	Metric        string // the counsellor's own words: identified views only
	Unit          string
	MetricCode    string // the coded category of GoalMetricCodes: what de-identified files carry
	UnitCode      string // the coded unit of GoalUnitCodes
	Direction     string
	BaselineValue *float64
	BaselineDate  *time.Time
	TargetValue   *float64
	MeasureHow    string
	MeasureOften  string
	Steps         string
	Supports      string
	Concerns      []string // the presenting concerns it serves
	TargetDate    *time.Time
}

// Problems applies the rules that hold for every goal, draft or not, and returns a
// message per form field.
func (g SMART) Problems() map[string]string {
	p := map[string]string{}
	if g.Direction != "" && !Directions().Has(g.Direction) {
		p["direction"] = "Choose decrease or increase."
	}
	if g.MetricCode != "" && !GoalMetricCodes().Has(g.MetricCode) {
		p["metric_code"] = "Choose from the list."
	}
	if g.UnitCode != "" && !GoalUnitCodes().Has(g.UnitCode) {
		p["unit_code"] = "Choose from the list."
	}
	if g.UnitCode != "" && !UnitAllowsNegative(g.UnitCode) {
		if g.BaselineValue != nil && *g.BaselineValue < 0 {
			p["baseline_value"] = "A count, time, rating or percentage cannot be below zero."
		}
		if g.TargetValue != nil && *g.TargetValue < 0 {
			p["target_value"] = "A count, time, rating or percentage cannot be below zero."
		}
	}
	if !PresentingConcerns().HasAll(g.Concerns) {
		p["concerns"] = "Choose from the list."
	}
	if g.BaselineDate != nil && g.TargetDate != nil && !g.TargetDate.After(*g.BaselineDate) {
		p["target_date"] = "The target date must be after the baseline date."
	}
	if g.BaselineValue != nil && g.TargetValue != nil {
		switch {
		case g.Direction == "decrease" && *g.TargetValue >= *g.BaselineValue:
			p["target_value"] = "To decrease, the target must be below the baseline."
		case g.Direction == "increase" && *g.TargetValue <= *g.BaselineValue:
			p["target_value"] = "To increase, the target must be above the baseline."
		}
	}
	return p
}

// MissingForActivation returns a message for every SMART part a goal still lacks; a goal
// may become active only when there are none.
func (g SMART) MissingForActivation() map[string]string {
	p := map[string]string{}
	need := func(field string, ok bool, msg string) {
		if !ok {
			p[field] = msg
		}
	}
	need("statement", g.Statement != "", "Say the goal in plain words.")
	need("what", g.What != "", "Specific: say what will change.")
	need("metric", g.Metric != "", "Measurable: name what is counted or rated.")
	need("unit", g.Unit != "", "Measurable: give the unit, e.g. requests per day.")
	need("metric_code", g.MetricCode != "", "Measurable: choose the kind of measure from the list.")
	need("unit_code", g.UnitCode != "", "Measurable: choose the unit from the list.")
	need("direction", g.Direction != "", "Measurable: should it decrease or increase?")
	need("baseline_value", g.BaselineValue != nil, "Measurable: record the baseline value.")
	need("baseline_date", g.BaselineDate != nil, "Measurable: record when the baseline was taken.")
	need("target_value", g.TargetValue != nil, "Measurable: set the target value.")
	need("measure_how", g.MeasureHow != "", "Measurable: say how it is measured.")
	need("measure_often", g.MeasureOften != "", "Measurable: say how often it is measured.")
	need("steps", g.Steps != "", "Achievable: list the steps.")
	need("concerns", len(g.Concerns) > 0, "Relevant: choose the presenting concerns it serves.")
	need("target_date", g.TargetDate != nil, "Time-bound: set a target date.")
	return p
}

// Reading is one dated value of a goal's measure.
type Reading struct {
	Date  time.Time
	Value float64
}

// Progress is how far a goal has come.
type Progress struct {
	HasReadings bool
	Latest      Reading
	Share       float64 // of the way from baseline to target: 0 at baseline, 1 at target (may fall outside)
	Expected    float64 // the share a straight line from baseline date to target date expects by the latest reading
	OnTrack     bool
	Reached     bool
}

// onTrackSlack is how far behind the straight line a goal may be and still count as on track.
const onTrackSlack = 0.10

// ProgressOf computes progress from the readings (any order) as of today. It needs the
// baseline and target values and dates; without them it reports no readings.
func ProgressOf(g SMART, readings []Reading, today time.Time) Progress {
	var pr Progress
	if g.BaselineValue == nil || g.TargetValue == nil || g.BaselineDate == nil || g.TargetDate == nil || len(readings) == 0 {
		return pr
	}
	latest := readings[0]
	for _, r := range readings[1:] {
		if !r.Date.Before(latest.Date) {
			latest = r
		}
	}
	span := *g.TargetValue - *g.BaselineValue
	pr.HasReadings, pr.Latest = true, latest
	if span != 0 {
		pr.Share = (latest.Value - *g.BaselineValue) / span
	}
	pr.Reached = pr.Share >= 1
	total := g.TargetDate.Sub(*g.BaselineDate).Hours()
	elapsed := latest.Date.Sub(*g.BaselineDate).Hours()
	if total > 0 {
		pr.Expected = math.Max(0, math.Min(1, elapsed/total))
	}
	pastDue := today.After(*g.TargetDate)
	pr.OnTrack = pr.Reached || (!pastDue && pr.Share >= pr.Expected-onTrackSlack)
	return pr
}
