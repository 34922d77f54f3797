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

// window is the assignment's dates, which decide the days an entry may be for.
func window(v store.ClientView) homework.Window {
	return homework.Window{Cadence: homework.Cadence(v.Cadence), Start: v.StartDate, Due: v.DueDate}
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
