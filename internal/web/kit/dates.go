package kit

import (
	"strings"
	"time"

	"github.com/securebase/securebase/templates/ui"
)

// EarliestYear is the first year a date field accepts: dates before it, or more than a
// century ahead, are typing mistakes, not dates.
const EarliestYear = 1900

// OptionalDate reads a YYYY-MM-DD field; empty is nil. A bad value notes a message on f.
func OptionalDate(f *ui.Form, field, v string) *time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < EarliestYear || t.Year() > time.Now().Year()+100 {
		f.Fail(field, "Enter a real date, like 2026-03-15.")
		return nil
	}
	return &t
}

// FormatDate shows a date field's value back in a form; nil is "".
func FormatDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2006-01-02")
}
