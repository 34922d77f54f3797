package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

func (s *Server) editClientPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, "edit form"); err != nil {
		return err
	}
	p := s.page(c, "Edit client "+cl.Code)
	neutral := ""
	if cl.NeutralMessages {
		neutral = "true"
	}
	p.Form.Values = url.Values{
		"first_name": {cl.FirstName}, "last_name": {cl.LastName}, "preferred_name": {cl.PreferredName},
		"pronouns": {cl.Pronouns}, "date_of_birth": {formatDate(cl.DateOfBirth)}, "email": {cl.Email}, "phone": {cl.Phone},
		"format": {cl.Format}, "contact_method": {cl.ContactMethod}, "neutral_messages": {neutral},
		"safe_contact_note": {cl.SafeContactNote}, "version": {strconv.Itoa(cl.Version)},
	}
	return s.renderClientForm(c, http.StatusOK, p, &cl)
}

func (s *Server) updateClient(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	var in clientForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form)
	p := s.page(c, "Edit client "+cl.Code)
	p.Form = form
	if form.HasErrors() {
		return s.renderClientForm(c, http.StatusUnprocessableEntity, p, &cl)
	}
	err = s.store.UpdateClient(c.Request().Context(), cl.PracticeID, cl.ID, in.Version, input,
		clientEntry(c, cl, "client.update", "client", cl.ID, ""))
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else changed this client's details since you opened the form. Your changes are below: compare them with the client's page and save again.")
		form.Values.Set("version", strconv.Itoa(cl.Version))
		return s.renderClientForm(c, http.StatusConflict, p, &cl)
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), "Details saved.")
}

func (s *Server) setClientStatus(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "action"); err != nil {
		return err
	}
	move, ok := casework.ClientStatusMove(c.FormValue("action"))
	if !ok {
		return echo.ErrBadRequest
	}
	if cl.ArchivedAt != nil {
		return s.flash(c, clientPath(cl.ID), "Restore the client from the archive first.")
	}
	err = s.store.SetClientStatus(c.Request().Context(), cl.PracticeID, cl.ID, move.From, move.To,
		clientEntry(c, cl, "client.status", "client", cl.ID, cl.Status+"->"+move.To))
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, clientPath(cl.ID), fmt.Sprintf("A client who is %s cannot be %s.", cl.Status, move.To))
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), move.Done)
}

func (s *Server) archiveClient(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "action"); err != nil {
		return err
	}
	archive := c.FormValue("action") != "restore"
	action, msg := "client.archive", "Archived. The client no longer shows in the caseload; find them under Archived."
	if !archive {
		action, msg = "client.restore", "Restored from the archive."
	}
	err = s.store.SetClientArchived(c.Request().Context(), cl.PracticeID, cl.ID, archive, clientEntry(c, cl, action, "client", cl.ID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, clientPath(cl.ID), "Only a discharged client can be archived.")
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), msg)
}

// reassignClient gives a client to another counsellor (admins only).
func (s *Server) reassignClient(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "counsellor_id"); err != nil {
		return err
	}
	to, err := strconv.ParseInt(c.FormValue("counsellor_id"), 10, 64)
	if err != nil {
		return s.flash(c, clientPath(cl.ID), "Choose a counsellor.")
	}
	detail := fmt.Sprintf("counsellor %d->%d", cl.CounsellorID, to)
	err = s.store.ReassignClient(c.Request().Context(), cl.PracticeID, cl.ID, to, clientEntry(c, cl, "client.reassign", "client", cl.ID, detail))
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, clientPath(cl.ID), "Choose an active counsellor of this practice.")
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), "Reassigned.")
}
