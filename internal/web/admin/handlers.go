// Package admin serves the practice administration pages: staff accounts, practice
// settings, progress markers, questionnaire conventions, supervision, the wording of the
// built-in templates and the audit log. Every route is for admins only.
package admin

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// Handlers serve the administration pages.
type Handlers struct{ *kit.Kit }

// New returns the administration's handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// targetUser loads the user named in the path, within the admin's practice only.
func (h *Handlers) targetUser(c echo.Context) (store.User, error) {
	id, err := kit.PathID(c, "id")
	if err != nil {
		return store.User{}, err
	}
	u, err := h.Store.User(c.Request().Context(), kit.CurrentUser(c).PracticeID, id)
	if errors.Is(err, store.ErrNotFound) {
		return u, echo.ErrNotFound
	}
	return u, err
}
