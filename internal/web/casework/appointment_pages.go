package casework

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// NewAppointmentPage is the form recording an appointment, set to this hour today.
func (h *Handlers) NewAppointmentPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	now := h.Now().In(loc)
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, "new appointment form"); err != nil {
		return err
	}
	form := &ui.Form{Values: url.Values{"date": {now.Format("2006-01-02")}, "time": {now.Truncate(time.Hour).Format("15:04")},
		"duration": {"50"}, "status": {"attended"}, "format": {cl.Format}}}
	return h.renderAppointmentForm(c, http.StatusOK, "Record an appointment", form, cl, nil)
}

// renderAppointmentForm shows the appointment form; a is nil for a new appointment.
func (h *Handlers) renderAppointmentForm(c echo.Context, status int, title string, form *ui.Form, cl store.Client, a *store.Appointment) error {
	v := view.AppointmentFormView{Page: h.Page(c, title), Form: form, Client: goalClient(cl),
		Statuses: kit.Options(casework.AppointmentStatuses()), Formats: kit.Options(casework.Formats())}
	if a != nil {
		v.AppointmentID = a.ID
	}
	return h.Render(c, status, view.AppointmentForm(v))
}

// EditAppointmentPage is the form editing a recorded appointment, in the practice's time zone.
func (h *Handlers) EditAppointmentPage(c echo.Context) error {
	cl, a, err := h.appointmentFor(c)
	if err != nil {
		return err
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	start := a.StartsAt.In(loc)
	if err := h.AuditClient(c, cl, "appointment.view", "appointment", a.ID, "edit form"); err != nil {
		return err
	}
	form := &ui.Form{Values: url.Values{"date": {start.Format("2006-01-02")}, "time": {start.Format("15:04")},
		"duration": {strconv.Itoa(a.DurationMinutes)}, "status": {a.Status}, "format": {a.Format}, "note": {a.Note}}}
	return h.renderAppointmentForm(c, http.StatusOK, "Edit appointment", form, cl, &a)
}
