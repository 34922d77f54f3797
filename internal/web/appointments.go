package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
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
func (in appointmentForm) input(f *Form, loc *time.Location, now time.Time) store.AppointmentInput {
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

func (s *Server) newAppointmentPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	now := s.now().In(loc)
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, "new appointment form"); err != nil {
		return err
	}
	p := s.page(c, "Record an appointment")
	p.Form.Values = url.Values{"date": {now.Format("2006-01-02")}, "time": {now.Truncate(time.Hour).Format("15:04")},
		"duration": {"50"}, "status": {"attended"}, "format": {cl.Format}}
	return s.renderAppointmentForm(c, http.StatusOK, p, cl, nil)
}

func (s *Server) renderAppointmentForm(c echo.Context, status int, p *Page, cl store.Client, a *store.Appointment) error {
	p.Data = struct {
		Client      store.Client
		Appointment *store.Appointment
	}{cl, a}
	return s.render(c, status, "clients/appointment_form", p)
}

func (s *Server) editAppointmentPage(c echo.Context) error {
	cl, a, err := s.appointmentFor(c)
	if err != nil {
		return err
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	start := a.StartsAt.In(loc)
	if err := s.auditClient(c, cl, "appointment.view", "appointment", a.ID, "edit form"); err != nil {
		return err
	}
	p := s.page(c, "Edit appointment")
	p.Form.Values = url.Values{"date": {start.Format("2006-01-02")}, "time": {start.Format("15:04")},
		"duration": {strconv.Itoa(a.DurationMinutes)}, "status": {a.Status}, "format": {a.Format}, "note": {a.Note}}
	return s.renderAppointmentForm(c, http.StatusOK, p, cl, &a)
}

func (s *Server) appointmentFor(c echo.Context) (store.Client, store.Appointment, error) {
	cl, err := s.clientFor(c)
	if err != nil {
		return cl, store.Appointment{}, err
	}
	id, err := pathID(c, "appointment")
	if err != nil {
		return cl, store.Appointment{}, err
	}
	a, err := s.store.Appointment(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, a, echo.ErrNotFound
	}
	return cl, a, err
}

// saveAppointment records a new appointment, or edits one when the path names it.
func (s *Server) saveAppointment(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	var existing *store.Appointment
	if c.Param("appointment") != "" {
		_, a, err := s.appointmentFor(c)
		if err != nil {
			return err
		}
		existing = &a
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	var in appointmentForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form, loc, s.now())
	if form.HasErrors() {
		p := s.page(c, "Record an appointment")
		p.Form = form
		return s.renderAppointmentForm(c, http.StatusUnprocessableEntity, p, cl, existing)
	}
	if existing == nil {
		if _, err := s.store.CreateAppointment(ctx, cl.PracticeID, cl.ID, currentUser(c).ID, input,
			clientEntry(c, cl, "appointment.create", "appointment", 0, "")); err != nil {
			return err
		}
	} else if err := s.store.UpdateAppointment(ctx, cl.PracticeID, cl.ID, existing.ID, input,
		clientEntry(c, cl, "appointment.update", "appointment", existing.ID, "")); err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID)+"#appointments", "Appointment saved.")
}
