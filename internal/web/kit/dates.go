package kit

import (
	"strings"
	"time"

	"github.com/securebase/securebase/templates/ui"
)

// earliestYear: dates before it, or more than a century ahead, are typing mistakes.
const earliestYear = 1900

// OptionalDate reads a YYYY-MM-DD field; empty is nil. A bad value notes a message on f.
func OptionalDate(f *ui.Form, field, v string) *time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < earliestYear || t.Year() > time.Now().Year()+100 {
		f.Fail(field, "Enter a real date, like 2026-03-15.")
		return nil
	}
	return &t
}
