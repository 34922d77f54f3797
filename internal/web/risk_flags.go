package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// clearRiskFlag records that a counsellor reviewed a raised risk; the note says what was done.
func (s *Server) clearRiskFlag(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "review_note"); err != nil {
		return err
	}
	flagID, err := pathID(c, "flag")
	if err != nil {
		return err
	}
	note := strings.TrimSpace(c.FormValue("review_note"))
	if note == "" || utf8.RuneCountInString(note) > 2000 {
		form := &Form{Values: map[string][]string{"review_note": {note}, "flag_id": {c.Param("flag")}}}
		form.Fail("review_note", "Say what you reviewed and what was agreed (up to 2000 characters) before clearing the flag.")
		return s.showClient(c, cl, http.StatusUnprocessableEntity, form)
	}
	err = s.store.ClearRiskFlag(c.Request().Context(), cl.PracticeID, cl.ID, flagID, currentUser(c).ID, note,
		clientEntry(c, cl, "risk.clear", "risk_flag", flagID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), "Risk flag reviewed and cleared.")
}
