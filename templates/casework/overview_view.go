package casework

import (
	"strconv"
)

// Overview is the client page's at-a-glance panels: questionnaires, markers, goals,
// homework and the last three appointments.
type Overview struct {
	Measures []MeasureGlance // PHQ-9 then GAD-7, taken or not
	Markers  []MarkerGlance  // the practice's markers in use, in order
	Homework HomeworkGlance
	Last     []AppointmentRow // the last three that have started, newest first
}

// MeasureGlance is one questionnaire's latest score, band and reliable change.
type MeasureGlance struct {
	Key, Name      string
	Latest, On     string // "" when never taken; On "2 Jan 2006"
	Max            int
	Band           string // the severity band's name
	Change         string // "Reliably improved", ..., or "" with fewer than two scores
	Tone           string // "good", "bad" or "neutral": the badge's look, never its only sign
	First, FirstOn string // the first score the change is measured from
	Count          int
	Spark          string // inline SVG, no text in it
}

// Taken reports whether the client has any score of this questionnaire.
func (m MeasureGlance) Taken() bool { return m.Count > 0 }

// LatestText is the latest score out of the maximum.
func (m MeasureGlance) LatestText() string { return m.Latest + " of " + strconv.Itoa(m.Max) }

// ChangeText is the badge's words, including how the change was measured.
func (m MeasureGlance) ChangeText() string {
	if m.Count < 2 {
		return "One score so far"
	}
	return m.Change
}

// ChangeDetail says which two scores the badge compares.
func (m MeasureGlance) ChangeDetail() string {
	if m.Count < 2 {
		return ""
	}
	return "from " + m.First + " on " + m.FirstOn + " to " + m.Latest + " on " + m.On
}

// MarkerGlance is one progress marker's latest rating and its course.
type MarkerGlance struct {
	Label      string // the marker's name, in words
	Latest, On string // "" before the first rating
	Count      int
	Spark      string
}

// LatestText is the latest rating out of ten, or says there is none.
func (m MarkerGlance) LatestText() string {
	if m.Count == 0 {
		return "Not rated yet"
	}
	return m.Latest + " of 10"
}

// HomeworkGlance counts the homework still to do and the entries to read.
type HomeworkGlance struct {
	Due, Overdue, Awaiting int // Awaiting: assignments with submitted entries not yet reviewed
}

// DueText says how many assignments are still to do, and how many of them are overdue.
func (h HomeworkGlance) DueText() string {
	s := plural(h.Due, "assignment", "assignments") + " due"
	if h.Overdue > 0 {
		s += ", " + strconv.Itoa(h.Overdue) + " of them overdue"
	}
	return s
}

// AwaitingText says how many assignments have entries awaiting review.
func (h HomeworkGlance) AwaitingText() string {
	return plural(h.Awaiting, "assignment", "assignments") + " with entries awaiting review"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ActiveGoals are the goals the overview shows: active ones, with or without readings.
func (v ClientPageView) ActiveGoals() []GoalSummary {
	var out []GoalSummary
	for _, g := range v.Goals {
		if g.Active {
			out = append(out, g)
		}
	}
	return out
}

// OpenFlags are the risk flags not yet cleared.
func (v ClientPageView) OpenFlags() []RiskFlag {
	var out []RiskFlag
	for _, f := range v.Flags {
		if f.Open {
			out = append(out, f)
		}
	}
	return out
}

func orText(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
