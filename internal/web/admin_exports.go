package web

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
)

// exportSettingsPage shows the de-identified export settings: the first-year column and the
// pseudonym key's rotation.
func (s *Server) exportSettingsPage(c echo.Context) error {
	return s.renderExportSettings(c, http.StatusOK, &Form{Values: url.Values{}})
}

func (s *Server) renderExportSettings(c echo.Context, status int, form *Form) error {
	on, err := s.store.ExportFirstYear(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	if on && !form.HasErrors() {
		form.Values.Set("export_first_year", "true")
	}
	p := s.page(c, "De-identified exports")
	p.Form = form
	p.Data = supervision.MinClientsForYear
	return s.render(c, status, "admin/exports", p)
}

// saveExportFirstYear turns on or off the year of the first appointment in de-identified files.
func (s *Server) saveExportFirstYear(c echo.Context) error {
	if err := onlyFields(c, "export_first_year"); err != nil {
		return err
	}
	on := c.FormValue("export_first_year") == "true"
	entry := requestAudit(c, store.AuditEntry{Action: "practice.export_first_year", EntityType: "practice",
		ActorUserID: currentUser(c).ID, Detail: fmt.Sprintf("export_first_year=%t", on)})
	if err := s.store.SetExportFirstYear(c.Request().Context(), currentUser(c).PracticeID, on, entry); err != nil {
		return err
	}
	return s.flash(c, "/admin/practice/exports", "Saved.")
}

// rotatePseudonymKey replaces the practice's pseudonym key once the admin confirms: files
// made before and after no longer share a code.
func (s *Server) rotatePseudonymKey(c echo.Context) error {
	if err := onlyFields(c, "confirm"); err != nil {
		return err
	}
	if c.FormValue("confirm") != "1" {
		form := &Form{Values: url.Values{}}
		form.Fail("confirm", "Tick to confirm: supervisors will no longer be able to link new files to earlier ones.")
		return s.renderExportSettings(c, http.StatusUnprocessableEntity, form)
	}
	key, err := supervision.NewKey()
	if err != nil {
		return err
	}
	entry := requestAudit(c, store.AuditEntry{Action: "practice.pseudonym_key_rotated", EntityType: "practice", ActorUserID: currentUser(c).ID})
	if err := s.store.RotatePseudonymKey(c.Request().Context(), currentUser(c).PracticeID, key, entry); err != nil {
		return err
	}
	return s.flash(c, "/admin/practice/exports", "New pseudonyms from now on: files made from now on do not link to earlier ones.")
}
