package homework

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// mayEditTemplate says whether u may change the practice's template t: its owner or an
// admin. Everyone else in the practice uses it and copies it.
func mayEditTemplate(u *store.User, t store.HomeworkTemplate) bool {
	return u.Role == store.RoleAdmin || t.CreatedBy == u.ID
}

// errNotTemplateOwner refuses an edit of another counsellor's template.
var errNotTemplateOwner = echo.NewHTTPError(http.StatusForbidden, "not the template's owner")

// deniedTemplateEdit audits and refuses an edit of a template the user does not own.
func (h *Handlers) deniedTemplateEdit(c echo.Context, t store.HomeworkTemplate) error {
	if err := h.Audit(c, store.AuditEntry{Action: "template.edit", EntityType: "homework_template",
		EntityID: strconv.FormatInt(t.ID, 10), Outcome: store.OutcomeDenied, Detail: "not the owner"}); err != nil {
		return err
	}
	return errNotTemplateOwner
}
