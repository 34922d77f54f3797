package admin

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// SetBuiltinVisibility hides a built-in from the practice's library and picker (hidden=true),
// or shows it again (hidden=false). Homework already assigned from it keeps its own copy.
func (h *Handlers) SetBuiltinVisibility(c echo.Context) error {
	b, err := h.builtInFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "hidden"); err != nil {
		return err
	}
	hidden := c.FormValue("hidden") == "true"
	if !hidden && c.FormValue("hidden") != "false" {
		return echo.ErrBadRequest
	}
	u := kit.CurrentUser(c)
	entry := store.AuditEntry{Action: "builtin.show", EntityType: "builtin_template", EntityID: b.Key}
	msg := b.Template.Title + " shows in the library again."
	if hidden {
		entry.Action = "builtin.hide"
		msg = b.Template.Title + " is hidden from the library. Homework already assigned from it carries on."
	}
	if err := h.Store.SetBuiltinHidden(c.Request().Context(), u.PracticeID, u.ID, b.Key, hidden, kit.AuditEntry(c, entry)); err != nil {
		return err
	}
	return h.Flash(c, "/admin/wording", msg)
}
