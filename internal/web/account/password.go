package account

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
	"github.com/securebase/securebase/templates/ui"
)

type passwordForm struct {
	Current string `form:"current" trim:"no" validate:"required,max=1024"`
	New     string `form:"new" trim:"no" validate:"required"`
	Confirm string `form:"confirm" trim:"no" validate:"required"`
}

func (h *Handlers) renderPassword(c echo.Context, status int, form *ui.Form) error {
	return h.Render(c, status, view.PasswordPage(view.Password{Page: h.Page(c, "Change your password"), Form: form}))
}

// PasswordPage shows the change of the user's own password.
func (h *Handlers) PasswordPage(c echo.Context) error {
	return h.renderPassword(c, http.StatusOK, &ui.Form{})
}

// ChangePassword changes the user's password once the current one is right; every other
// session of the user ends.
func (h *Handlers) ChangePassword(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var in passwordForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // never echo passwords back
	if in.Current != "" && !h.Passwords.Verify(in.Current, u.PasswordHash) {
		form.Fail("current", "This is not your current password.")
	}
	if in.New != "" {
		if perr := h.Passwords.Check(in.New); perr != nil {
			form.Fail("new", perr.Error())
		} else if in.Confirm != in.New {
			form.Fail("confirm", "The two new passwords are different.")
		}
	}
	if form.HasErrors() {
		return h.renderPassword(c, http.StatusUnprocessableEntity, form)
	}
	hash, err := h.Passwords.Hash(in.New)
	if err != nil {
		return err
	}
	keep := auth.HashToken(h.Sessions.Token(ctx))
	if err := h.Store.SetPassword(ctx, u.PracticeID, u.ID, hash, keep); err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "user.change_password", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return h.Flash(c, "/", "Your password is changed. Other sessions have been signed out.")
}
