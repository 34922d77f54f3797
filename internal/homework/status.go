package homework

import "time"

// Cadence of an assignment.
type Cadence string

// Cadences an assignment may have.
const (
	Once  Cadence = "once"
	Daily Cadence = "daily"
)

// CadenceOption is a cadence with its label for forms.
type CadenceOption struct {
	Cadence Cadence
	Label   string
}

// Cadences lists the cadences with labels for forms.
func Cadences() []CadenceOption {
	return []CadenceOption{{Once, "Once"}, {Daily, "One entry a day until the due date"}}
}

// Valid reports whether c is one of the cadences.
func (c Cadence) Valid() bool { return c == Once || c == Daily }

// dayNumber counts calendar days: the date of t (in t's own location) as days since 1970-01-01.
// Unlike Sub it neither saturates over long spans nor sees a 23- or 25-hour day at a clock change.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// ExpectedEntries is how many entries an assignment asks for: 1 for once; for daily, one per day
// from start to due inclusive (dates compared as calendar dates; 0 if due is before start). An
// unknown cadence asks for none.
func ExpectedEntries(c Cadence, start, due time.Time) int {
	switch c {
	case Once:
		return 1
	case Daily:
		n := dayNumber(due) - dayNumber(start) + 1
		if n < 0 {
			return 0
		}
		return int(n)
	}
	return 0
}

// CompletionRate is made ÷ expected, capped at 1; 0 when expected is 0.
func CompletionRate(made, expected int) float64 {
	if expected <= 0 || made <= 0 {
		return 0
	}
	if made >= expected {
		return 1
	}
	return float64(made) / float64(expected)
}

// Status of an assignment.
const (
	StatusAssigned  = "assigned"
	StatusStarted   = "started"
	StatusSubmitted = "submitted"
	StatusReviewed  = "reviewed"
	StatusOverdue   = "overdue"
	StatusExpired   = "expired"
	StatusRevoked   = "revoked"
)

// Statuses lists every status, in the order an assignment usually meets them.
func Statuses() []string {
	return []string{StatusAssigned, StatusStarted, StatusSubmitted, StatusReviewed, StatusOverdue, StatusExpired, StatusRevoked}
}

// Facts are what the status is computed from.
type Facts struct {
	Cadence     Cadence
	Start, Due  time.Time // calendar dates
	Today       time.Time // calendar date in the practice's time zone
	Submitted   int       // submitted entries
	Reviewed    int       // submitted entries the counsellor has marked reviewed
	Drafts      int       // saved drafts not yet submitted
	LinkExpired bool
	Revoked     bool
}

// StatusOf is revoked if revoked; else, once at least one entry is submitted and submitted >=
// expected, reviewed when reviewed >= submitted, else submitted; else expired if the link
// expired; else overdue if today is after due; else started if any submitted or draft; else
// assigned.
func StatusOf(f Facts) string {
	expected := ExpectedEntries(f.Cadence, f.Start, f.Due)
	switch {
	case f.Revoked:
		return StatusRevoked
	case f.Submitted > 0 && f.Submitted >= expected:
		if f.Reviewed >= f.Submitted {
			return StatusReviewed
		}
		return StatusSubmitted
	case f.LinkExpired:
		return StatusExpired
	case dayNumber(f.Today) > dayNumber(f.Due):
		return StatusOverdue
	case f.Submitted > 0 || f.Drafts > 0:
		return StatusStarted
	}
	return StatusAssigned
}

// StatusLabel returns a plain label ("Awaiting review" for submitted, etc.) for a status.
func StatusLabel(status string) string {
	switch status {
	case StatusAssigned:
		return "Not started"
	case StatusStarted:
		return "In progress"
	case StatusSubmitted:
		return "Awaiting review"
	case StatusReviewed:
		return "Reviewed"
	case StatusOverdue:
		return "Overdue"
	case StatusExpired:
		return "Link expired"
	case StatusRevoked:
		return "Link revoked"
	}
	return status
}
