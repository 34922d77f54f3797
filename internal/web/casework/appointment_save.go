package casework

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// appointmentFor loads the client and the appointment the path names; another client's is a 404.
func (h *Handlers) appointmentFor(c echo.Context) (store.Client, store.Appointment, error) {
	cl, err := h.ClientFor(c)
	if err != nil {
		return cl, store.Appointment{}, err
	}
	id, err := kit.PathID(c, "appointment")
	if err != nil {
		return cl, store.Appointment{}, err
	}
	a, err := h.Store.Appointment(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, a, echo.ErrNotFound
	}
	return cl, a, err
}

// SaveAppointment records a new appointment, or edits one when the path names it.
func (h *Handlers) SaveAppointment(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	var existing *store.Appointment
	if c.Param("appointment") != "" {
		_, a, err := h.appointmentFor(c)
		if err != nil {
			return err
		}
		existing = &a
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	var in appointmentForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form, loc, h.Now())
	if form.HasErrors() {
		return h.renderAppointmentForm(c, http.StatusUnprocessableEntity, "Record an appointment", form, cl, existing)
	}
	if existing == nil {
		if _, err := h.Store.CreateAppointment(ctx, cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, input,
			changeEntry(c, cl, "appointment.create", "appointment", 0, "")); err != nil {
			return err
		}
	} else if err := h.Store.UpdateAppointment(ctx, cl.PracticeID, cl.ID, existing.ID, input,
		changeEntry(c, cl, "appointment.update", "appointment", existing.ID, "")); err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"#appointments", "Appointment saved.")
}
