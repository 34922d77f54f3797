package homework

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// RevokeAssignment withdraws an assignment: the client's page no longer shows it.
func (h *Handlers) RevokeAssignment(c echo.Context) error {
	cl, a, err := h.assignmentFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	err = h.Store.RevokeAssignment(c.Request().Context(), cl.PracticeID, cl.ID, a.ID, clientEntry(c, cl, "assignment.revoke", "assignment", a.ID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, assignmentPath(cl.ID, a.ID), "This homework was already revoked.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, assignmentPath(cl.ID, a.ID), "Revoked: the client's page no longer shows it.")
}

// ReviewEntry marks an entry reviewed, with an optional reply the client sees next time.
func (h *Handlers) ReviewEntry(c echo.Context) error {
	cl, a, err := h.assignmentFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "reply"); err != nil {
		return err
	}
	entryID, err := kit.PathID(c, "entry")
	if err != nil {
		return err
	}
	reply := strings.TrimSpace(c.FormValue("reply"))
	if utf8.RuneCountInString(reply) > 2000 {
		form := &ui.Form{Values: url.Values{"reply": {reply}}}
		form.Fail("reply", "Use at most 2000 characters.")
		return h.showAssignment(c, cl, a.ID, http.StatusUnprocessableEntity, form)
	}
	err = h.Store.ReviewEntry(c.Request().Context(), cl.PracticeID, a.ID, entryID, kit.CurrentUser(c).ID, reply,
		clientEntry(c, cl, "entry.review", "entry", entryID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	return h.Flash(c, assignmentPath(cl.ID, a.ID), "Marked reviewed.")
}
