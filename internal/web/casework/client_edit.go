package casework

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// EditClientPage shows the form changing a client's details.
func (h *Handlers) EditClientPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, "edit form"); err != nil {
		return err
	}
	neutral := ""
	if cl.NeutralMessages {
		neutral = "true"
	}
	noMessages := ""
	if cl.NoMessages {
		noMessages = "true"
	}
	dob := ""
	if cl.DateOfBirth != nil {
		dob = cl.DateOfBirth.Format("2006-01-02")
	}
	form := &ui.Form{Values: url.Values{
		"first_name": {cl.FirstName}, "last_name": {cl.LastName}, "preferred_name": {cl.PreferredName},
		"pronouns": {cl.Pronouns}, "date_of_birth": {dob}, "email": {cl.Email}, "phone": {cl.Phone},
		"format": {cl.Format}, "contact_method": {cl.ContactMethod}, "neutral_messages": {neutral},
		"safe_contact_note": {cl.SafeContactNote}, "version": {strconv.Itoa(cl.Version)},
		"contact_from": {strconv.Itoa(cl.ContactFrom)}, "contact_until": {strconv.Itoa(cl.ContactUntil)}, "no_messages": {noMessages},
	}}
	return h.renderClientForm(c, http.StatusOK, "Edit client "+cl.Code, form, &cl)
}

// UpdateClient saves a client's details, refusing a save over someone else's newer one.
func (h *Handlers) UpdateClient(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	var in clientForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form)
	title := "Edit client " + cl.Code
	if form.HasErrors() {
		return h.renderClientForm(c, http.StatusUnprocessableEntity, title, form, &cl)
	}
	err = h.Store.UpdateClient(c.Request().Context(), cl.PracticeID, cl.ID, in.Version, input,
		caseEntry(c, cl, "client.update", "client", cl.ID, ""))
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else changed this client's details since you opened the form. Your changes are below: compare them with the client's page and save again.")
		form.Values.Set("version", strconv.Itoa(cl.Version))
		return h.renderClientForm(c, http.StatusConflict, title, form, &cl)
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), "Details saved.")
}
