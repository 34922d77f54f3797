package casework

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates/ui"
)

// Dates before this or more than a century ahead are typing mistakes, not dates.
const firstBirthYear = 1900

// clientForm is the add/edit client form; never the database model.
type clientForm struct {
	FirstName       string `form:"first_name" validate:"required,max=100"`
	LastName        string `form:"last_name" validate:"required,max=100"`
	PreferredName   string `form:"preferred_name" validate:"max=100"`
	Pronouns        string `form:"pronouns" validate:"max=40"`
	DateOfBirth     string `form:"date_of_birth"`
	Email           string `form:"email" validate:"omitempty,email,max=254"`
	Phone           string `form:"phone" validate:"max=40"`
	Format          string `form:"format" validate:"required"`
	CounsellorID    int64  `form:"counsellor_id"`
	ContactMethod   string `form:"contact_method" validate:"required"`
	NeutralMessages bool   `form:"neutral_messages"`
	SafeContactNote string `form:"safe_contact_note" validate:"max=1000"`
	ContactFrom     int    `form:"contact_from" validate:"min=0,max=23"`
	ContactUntil    int    `form:"contact_until" validate:"min=0,max=24"`
	NoMessages      bool   `form:"no_messages"`
	Version         int    `form:"version"`
}

// input checks the domain rules and returns what the store saves.
func (in clientForm) input(f *ui.Form) store.ClientInput {
	dob := readBirthDate(f, "date_of_birth", in.DateOfBirth)
	contact := casework.Contact{Format: in.Format, Method: in.ContactMethod, Email: in.Email, Phone: in.Phone, DateOfBirth: dob}
	for field, msg := range contact.Problems(time.Now()) {
		f.Fail(field, msg)
	}
	if in.ContactUntil != 0 && in.ContactFrom >= in.ContactUntil {
		f.Fail("contact_until", "Choose an end after the start of the hours.")
	}
	return store.ClientInput{
		ContactFrom: in.ContactFrom, ContactUntil: in.ContactUntil, NoMessages: in.NoMessages,
		CounsellorID: in.CounsellorID, FirstName: in.FirstName, LastName: in.LastName, PreferredName: in.PreferredName,
		Pronouns: in.Pronouns, DateOfBirth: dob, Email: in.Email, Phone: in.Phone, Format: in.Format,
		ContactMethod: in.ContactMethod, NeutralMessages: in.NeutralMessages, SafeContactNote: in.SafeContactNote,
	}
}

// hourOptions are the hours from first to last as options ("9" shown as "09:00").
func hourOptions(first, last int) []ui.Option {
	out := make([]ui.Option, 0, last-first+1)
	for h := first; h <= last; h++ {
		out = append(out, ui.Option{Value: strconv.Itoa(h), Label: fmt.Sprintf("%02d:00", h)})
	}
	return out
}

// readBirthDate reads a YYYY-MM-DD date field; empty is nil. A bad value notes a message on f.
func readBirthDate(f *ui.Form, field, v string) *time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < firstBirthYear || t.Year() > time.Now().Year()+100 {
		f.Fail(field, "Enter a real date, like 2026-03-15.")
		return nil
	}
	return &t
}
