package casework

import (
	"errors"
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates/ui"
)

type appointmentForm struct {
	Date     string `form:"date" validate:"required"`
	Time     string `form:"time" validate:"required"`
	Duration string `form:"duration" validate:"required"`
	Status   string `form:"status" validate:"required"`
	Format   string `form:"format" validate:"required"`
	Note     string `form:"note" validate:"max=2000"`
}

// input reads the date and time in the practice's time zone and checks the choices.
func (in appointmentForm) input(f *ui.Form, loc *time.Location, now time.Time) store.AppointmentInput {
	day, derr := time.Parse("2006-01-02", in.Date)
	if derr != nil || !casework.AppointmentDayInRange(day, now) {
		f.Fail("date", "Enter a real date, like 2026-03-15, within five years.")
	}
	clock, terr := time.Parse("15:04", in.Time)
	if terr != nil {
		f.Fail("time", "Enter a time like 14:30.")
	}
	err := errors.Join(derr, terr)
	starts := time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
	duration, cerr := strconv.Atoi(in.Duration)
	if cerr != nil || !casework.AppointmentLengthOK(duration) {
		f.Fail("duration", "Enter a whole number of minutes from 5 to 480.")
	}
	if msg := casework.AppointmentStatusProblem(in.Status, starts, err == nil, now); msg != "" {
		f.Fail("status", msg)
	}
	if !casework.Formats().Has(in.Format) {
		f.Fail("format", "Choose individual, couples or group.")
	}
	return store.AppointmentInput{StartsAt: starts, DurationMinutes: duration, Status: in.Status, Format: in.Format, Note: in.Note}
}
