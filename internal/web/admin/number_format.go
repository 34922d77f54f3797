package admin

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// UpdateNumberFormat saves whether the practice writes decimals with a comma.
func (h *Handlers) UpdateNumberFormat(c echo.Context) error {
	if err := kit.OnlyFields(c, "decimal_comma"); err != nil {
		return err
	}
	v := c.FormValue("decimal_comma")
	if v != "true" && v != "false" {
		return echo.NewHTTPError(422, "choose a point or a comma")
	}
	if err := h.Store.SetDecimalComma(c.Request().Context(), kit.CurrentUser(c).PracticeID, v == "true"); err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "practice.update", EntityType: "practice", Detail: "decimal_comma=" + v}); err != nil {
		return err
	}
	return h.Flash(c, "/admin/practice", "Number format saved.")
}
