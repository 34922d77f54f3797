package account

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
)

// Overview shows the user's email, second factor and sessions, with where to change each.
func (h *Handlers) Overview(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	v := view.Overview{Name: u.DisplayName, Email: u.Email}
	tf, err := h.Store.TwoFactor(ctx, u.PracticeID, u.ID)
	switch {
	case err == nil:
		v.TwoFactorOn, v.RecoveryLeft = true, tf.RecoveryLeft
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if v.Sessions, err = h.Store.CountUserSessions(ctx, u.PracticeID, u.ID); err != nil {
		return err
	}
	v.Page = h.Page(c, "Your account")
	return h.Render(c, http.StatusOK, view.OverviewPage(v))
}
