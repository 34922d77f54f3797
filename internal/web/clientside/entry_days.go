package clientside

import (
	"encoding/json"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates/ui"
)

// containsDay reports whether d is one of days.
func containsDay(days []time.Time, d time.Time) bool {
	for _, x := range days {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// entryDay reads the day an entry is for: the start date of a once-only assignment, or a
// day from the start to today (and not after the due date) for a daily one.
func entryDay(v store.ClientView, raw string, today time.Time) (time.Time, bool) {
	if today.Before(v.StartDate) {
		return time.Time{}, false
	}
	if v.Cadence == string(homework.Once) {
		return v.StartDate, true
	}
	d, err := time.Parse("2006-01-02", raw)
	if err != nil || d.Before(v.StartDate) || d.After(v.DueDate) || d.After(today) {
		return time.Time{}, false
	}
	return d, true
}

// prefill puts a draft's answers back into the client's form, under its positional names.
func prefill(f *ui.Form, t homework.Template, raw []byte) {
	var answers homework.Answers
	if json.Unmarshal(raw, &answers) != nil {
		return
	}
	for k, vs := range t.ToClient(answers.Form()) {
		f.Values[k] = vs
	}
}

// laterOf is the later of two days.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
