package measures

import (
	"sort"
	"time"
)

// Plan frequencies: how often one part of a measurement plan falls due.
const (
	EveryWeek         = "weekly"
	EveryTwoWeeks     = "fortnightly"
	BeforeAppointment = "appointment"
)

// PlanMarkers is the plan key of the progress markers (questionnaires use their measure key).
const PlanMarkers = "markers"

// PlanGraceDays is how long a scheduled check-in stays open after its due date: it lapses
// (a gap the counsellor sees) at the end of the third day after it fell due, in the
// practice's time zone. A weekly check-in due on Monday can be answered until Thursday.
const PlanGraceDays = 3

// PlanHorizonWeeks is how far back a plan's occurrences are worked out (older gaps are history).
const PlanHorizonWeeks = 26

// PlanParts lists what a plan can schedule, in order: the markers, then each questionnaire
// a client may answer.
func PlanParts() []string {
	out := []string{PlanMarkers}
	for _, m := range Measures() {
		if ClientAnswerable(m.Key) {
			out = append(out, m.Key)
		}
	}
	return out
}

// ValidFrequency reports whether f is one of the plan frequencies.
func ValidFrequency(f string) bool {
	return f == EveryWeek || f == EveryTwoWeeks || f == BeforeAppointment
}

// Pause is a time the plan was paused with the client: From inclusive, To exclusive (zero
// To: still paused). Dates are civil dates at midnight UTC.
type Pause struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Plan is a client's measurement plan: from StartsOn, each part (PlanMarkers or a measure
// key) falls due at its frequency. Nothing falls due in a pause or from EndsOn.
type Plan struct {
	StartsOn time.Time
	Every    map[string]string
	Pauses   []Pause
	EndsOn   *time.Time
}

// Occurrence is one scheduled check-in: its due date and what it asks for.
type Occurrence struct {
	Day      time.Time
	Markers  bool
	Measures []string
}

// LocalDay returns the civil date of instant t in loc, as midnight UTC: the form every plan
// date takes, so adding days never meets a daylight-saving change.
func LocalDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Occurrences returns the plan's check-ins due from from to to (civil dates, both included),
// oldest first; parts due on the same day share one check-in. appointments are the local
// dates of the client's booked appointments: a part due before each appointment falls due
// the day before it.
func (p Plan) Occurrences(from, to time.Time, appointments []time.Time) []Occurrence {
	days := map[time.Time]*Occurrence{}
	add := func(day time.Time, part string) {
		if day.Before(from) || day.After(to) || day.Before(p.StartsOn) || !p.active(day) {
			return
		}
		o := days[day]
		if o == nil {
			o = &Occurrence{Day: day}
			days[day] = o
		}
		if part == PlanMarkers {
			o.Markers = true
		} else {
			o.Measures = append(o.Measures, part)
		}
	}
	for _, part := range PlanParts() {
		switch p.Every[part] {
		case EveryWeek, EveryTwoWeeks:
			step := 7
			if p.Every[part] == EveryTwoWeeks {
				step = 14
			}
			for d := p.StartsOn; !d.After(to); d = d.AddDate(0, 0, step) {
				add(d, part)
			}
		case BeforeAppointment:
			for _, a := range appointments {
				add(a.AddDate(0, 0, -1), part)
			}
		}
	}
	out := make([]Occurrence, 0, len(days))
	for _, o := range days {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

// active reports whether the plan runs on day: not ended, not paused.
func (p Plan) active(day time.Time) bool {
	if p.EndsOn != nil && !day.Before(*p.EndsOn) {
		return false
	}
	for _, ps := range p.Pauses {
		if !day.Before(ps.From) && (ps.To.IsZero() || day.Before(ps.To)) {
			return false
		}
	}
	return true
}

// Lapsed reports whether a scheduled check-in due on day is past its grace period on today.
func Lapsed(day, today time.Time) bool { return today.After(day.AddDate(0, 0, PlanGraceDays)) }

// CheckPlan judges a plan form: each part's frequency known (or "" for not in the plan), at
// least one part scheduled, and a start from today to CheckinWindowMonths ahead (start nil:
// not read, judged elsewhere). It returns the parts kept and a message per form field
// (every_<part>, plan_start).
func CheckPlan(every map[string]string, start *time.Time, today time.Time) (map[string]string, map[string]string) {
	problems := map[string]string{}
	kept := map[string]string{}
	for _, k := range PlanParts() {
		switch f := every[k]; {
		case f == "":
		case ValidFrequency(f):
			kept[k] = f
		default:
			problems["every_"+k] = "Choose from the list."
		}
	}
	if len(kept) == 0 && len(problems) == 0 {
		problems["every_"+PlanMarkers] = "Schedule the markers, a questionnaire, or both."
	}
	if start != nil && (start.Before(today) || start.After(today.AddDate(0, CheckinWindowMonths, 0))) {
		problems["plan_start"] = "Choose a date from today to three months ahead."
	}
	return kept, problems
}
