package supervision

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/supervision"
	"github.com/securebase/securebase/templates/ui"
)

// SettingsPage shows the de-identified export settings: the first-year column and the
// pseudonym key's rotation.
func (h *Handlers) SettingsPage(c echo.Context) error {
	return h.renderSettings(c, http.StatusOK, &ui.Form{Values: url.Values{}})
}

func (h *Handlers) renderSettings(c echo.Context, status int, form *ui.Form) error {
	on, err := h.Store.ExportFirstYear(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return err
	}
	v := view.SettingsView{Page: h.Page(c, "De-identified exports"), Form: form,
		FirstYear: on && !form.HasErrors(), MinClients: rules.MinClientsForYear}
	return h.Render(c, status, view.Settings(v))
}

// SaveFirstYear turns on or off the year of the first appointment in de-identified files.
func (h *Handlers) SaveFirstYear(c echo.Context) error {
	if err := kit.OnlyFields(c, "export_first_year"); err != nil {
		return err
	}
	on := c.FormValue("export_first_year") == "true"
	entry := kit.AuditEntry(c, store.AuditEntry{Action: "practice.export_first_year", EntityType: "practice",
		Detail: fmt.Sprintf("export_first_year=%t", on)})
	if err := h.Store.SetExportFirstYear(c.Request().Context(), kit.CurrentUser(c).PracticeID, on, entry); err != nil {
		return err
	}
	return h.Flash(c, "/admin/practice/exports", "Saved.")
}

// RotatePseudonymKey replaces the practice's pseudonym key once the admin confirms: files
// made before and after no longer share a code.
func (h *Handlers) RotatePseudonymKey(c echo.Context) error {
	if err := kit.OnlyFields(c, "confirm"); err != nil {
		return err
	}
	if c.FormValue("confirm") != "1" {
		form := &ui.Form{Values: url.Values{}}
		form.Fail("confirm", "Tick to confirm: supervisors will no longer be able to link new files to earlier ones.")
		return h.renderSettings(c, http.StatusUnprocessableEntity, form)
	}
	key, err := rules.NewKey()
	if err != nil {
		return err
	}
	entry := kit.AuditEntry(c, store.AuditEntry{Action: "practice.pseudonym_key_rotated", EntityType: "practice"})
	if err := h.Store.RotatePseudonymKey(c.Request().Context(), kit.CurrentUser(c).PracticeID, key, entry); err != nil {
		return err
	}
	return h.Flash(c, "/admin/practice/exports", "New pseudonyms from now on: files made from now on do not link to earlier ones.")
}
