package casework

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// CreateCheckin asks the client for a check-in: the client's private link shows it, and the
// client rates the markers and/or answers the chosen questionnaires there.
func (h *Handlers) CreateCheckin(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "ck_markers", "ck_measures", "ck_due", "request_key"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	withMarkers := values.Get("ck_markers") == "true"
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	due := kit.OptionalDate(form, "ck_due", values.Get("ck_due"))
	if due == nil && form.Error("ck_due") == "" {
		form.Fail("ck_due", "Enter the date it is due.")
	}
	keys, problems := measures.CheckCheckin(withMarkers, values["ck_measures"], due, today)
	for field, msg := range problems {
		form.Fail(field, msg)
	}
	key := values.Get("request_key")
	if !kit.ValidIdempotencyKey(key) {
		form.Fail("_form", "Something went wrong with the form. Please press the button again.")
		form.Values.Set("request_key", kit.NewIdempotencyKey())
	}
	if form.HasErrors() {
		return h.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	_, err = h.Store.CreateCheckin(ctx, cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, withMarkers, keys, *due, key,
		changeEntry(c, cl, "checkin.create", "checkin", 0, ""))
	switch {
	case errors.Is(err, store.ErrConflict):
		return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "This check-in was already sent.")
	case errors.Is(err, store.ErrClientClosed):
		return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "A discharged client cannot be sent a check-in.")
	case err != nil:
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "Check-in sent. "+h.checkinLinkNote(c, cl))
}

// RevokeCheckin withdraws a waiting check-in (and kills any older link issued for it alone).
func (h *Handlers) RevokeCheckin(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	id, err := kit.PathID(c, "checkin")
	if err != nil {
		return err
	}
	err = h.Store.RevokeCheckin(c.Request().Context(), cl.PracticeID, cl.ID, id, changeEntry(c, cl, "checkin.revoke", "checkin", id, ""))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "That check-in is already done or revoked.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "Revoked: the client's page no longer shows this check-in.")
}
