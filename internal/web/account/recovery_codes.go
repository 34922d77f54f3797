package account

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
)

// newCodesForm confirms a request for new recovery codes.
type newCodesForm struct {
	Password string `form:"codes_password" validate:"required,max=1024"`
}

// RecoveryCodesPage shows new recovery codes once: they leave the session as they are shown.
func (h *Handlers) RecoveryCodesPage(c echo.Context) error {
	codes := h.Sessions.PopString(c.Request().Context(), keyRecoveryCodes)
	if codes == "" {
		return c.Redirect(http.StatusSeeOther, "/account/two-factor")
	}
	return h.Render(c, http.StatusOK, view.RecoveryCodesPage(view.RecoveryCodes{Page: h.Page(c, "Your recovery codes"),
		Codes: strings.Split(codes, "\n")}))
}

// NewRecoveryCodes gives the signed-in user a new set of recovery codes, shown once; the
// old ones stop working at once.
func (h *Handlers) NewRecoveryCodes(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var in newCodesForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil
	tf, done, err := h.ownTwoFactor(c, "Two-factor sign-in is off: there are no recovery codes to replace.")
	if done || err != nil {
		return err
	}
	if in.Password != "" && !h.Passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("codes_password", "This is not your current password.")
	}
	if form.HasErrors() {
		return h.renderTwoFactorStatus(c, http.StatusUnprocessableEntity, form, tf)
	}
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		return err
	}
	if err := h.Store.ReplaceRecoveryCodes(ctx, u.PracticeID, u.ID, hashes); err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "2fa.recovery_codes", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10),
		Detail: "new set, earlier codes ended"}); err != nil {
		return err
	}
	h.showCodesNext(c, codes)
	return c.Redirect(http.StatusSeeOther, "/account/two-factor/recovery-codes")
}
