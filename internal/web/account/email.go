package account

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
	"github.com/securebase/securebase/templates/ui"
)

type emailForm struct {
	Email    string `form:"email" validate:"required,email,max=254"`
	Password string `form:"password" validate:"required,max=1024"`
}

func (h *Handlers) renderEmail(c echo.Context, status int, form *ui.Form) error {
	return h.Render(c, status, view.EmailPage(view.Email{Page: h.Page(c, "Change your email"), Form: form}))
}

// EmailPage shows the change of the email the user signs in with.
func (h *Handlers) EmailPage(c echo.Context) error {
	return h.renderEmail(c, http.StatusOK, &ui.Form{Values: url.Values{"email": {kit.CurrentUser(c).Email}}})
}

// ChangeEmail changes the email the user signs in with, once their password is right.
func (h *Handlers) ChangeEmail(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var in emailForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	if in.Password != "" && !h.Passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	if in.Email != "" && strings.EqualFold(in.Email, u.Email) {
		form.Fail("email", "This is already your email.")
	}
	if !form.HasErrors() {
		err = h.Store.SetEmail(ctx, u.PracticeID, u.ID, in.Email)
		if errors.Is(err, store.ErrConflict) {
			form.Fail("email", "Another account already uses this email.")
		} else if err != nil {
			return err
		}
	}
	if form.HasErrors() {
		return h.renderEmail(c, http.StatusUnprocessableEntity, form)
	}
	if err := h.Audit(c, store.AuditEntry{Action: "user.change_email", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return h.Flash(c, "/account", "Your email is changed. Use it the next time you sign in.")
}
