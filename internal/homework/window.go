package homework

import "time"

// LongestDaily bounds a daily cadence: one entry a day for at most three months.
const LongestDaily = 92

// EarliestStart is how many days before today an assignment may start.
const EarliestStart = 30

// CheckWindow judges an assignment's dates against today (calendar dates): the start at
// most EarliestStart days ago, the due date on or after the start and not yet passed, and a
// daily assignment no longer than LongestDaily entries. It returns a message per form field
// (start_date, due_date); at most one.
func CheckWindow(c Cadence, start, due, today time.Time) map[string]string {
	switch {
	case start.Before(today.AddDate(0, 0, -EarliestStart)):
		return map[string]string{"start_date": "The start can be at most 30 days ago."}
	case due.Before(start):
		return map[string]string{"due_date": "The due date must be on or after the start date."}
	case due.Before(today):
		return map[string]string{"due_date": "The due date has already passed."}
	case c == Daily && ExpectedEntries(Daily, start, due) > LongestDaily:
		return map[string]string{"due_date": "A daily assignment can run for at most three months."}
	}
	return nil
}

// Window is an assignment's dates as the client's form sees them.
type Window struct {
	Cadence    Cadence
	Start, Due time.Time
}

// OpenDays lists the days the client may still make an entry for, given the days already
// sent: the start day of a once-only assignment, or every day from the start to today (and
// not after the due date) for a daily one. OpensOn is set when the assignment has not
// started; Done when nothing is left and nothing more will open.
func (w Window) OpenDays(today time.Time, sent map[time.Time]bool) (days []time.Time, opensOn *time.Time, done bool) {
	if today.Before(w.Start) {
		start := w.Start
		return nil, &start, false
	}
	if w.Cadence == Once {
		if !sent[w.Start] {
			days = []time.Time{w.Start}
		}
	} else {
		for d := w.Start; !d.After(w.Due) && !d.After(today); d = d.AddDate(0, 0, 1) {
			if !sent[d] {
				days = append(days, d)
			}
		}
	}
	return days, nil, len(days) == 0 && (w.Cadence == Once || !today.Before(w.Due))
}

// EntryDay reads the day an entry is for: the start date of a once-only assignment, or a
// day (raw, 2006-01-02) from the start to today, and not after the due date, for a daily one.
func (w Window) EntryDay(raw string, today time.Time) (time.Time, bool) {
	if today.Before(w.Start) {
		return time.Time{}, false
	}
	if w.Cadence == Once {
		return w.Start, true
	}
	d, err := time.Parse("2006-01-02", raw)
	if err != nil || d.Before(w.Start) || d.After(w.Due) || d.After(today) {
		return time.Time{}, false
	}
	return d, true
}
