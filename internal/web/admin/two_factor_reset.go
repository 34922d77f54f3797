package admin

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// ResetTwoFactor is an admin's answer to a lost phone: the user's second factor and recovery
// codes go, their sessions end, and they are told by email when email is set up. They then
// sign in with their password (and enrol again where the practice requires it).
func (h *Handlers) ResetTwoFactor(c echo.Context) error {
	target, err := h.targetUser(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	err = h.Store.ResetTwoFactor(c.Request().Context(), target.PracticeID, target.ID)
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, "/admin/users", target.DisplayName+" does not use two-factor sign-in: nothing to reset.")
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "2fa.reset", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10),
		Detail: "by an admin; sessions ended"}); err != nil {
		return err
	}
	msg := "Two-factor sign-in is reset for " + target.DisplayName + ": they sign in with their password and can set it up again."
	if h.tellOfTwoFactorReset(c, target) {
		msg += " They were told by email."
	} else {
		msg += " Email is not set up: please tell them yourself."
	}
	return h.Flash(c, "/admin/users", msg)
}

// tellOfTwoFactorReset emails target that an admin reset their second factor; false when no
// email went out.
func (h *Handlers) tellOfTwoFactorReset(c echo.Context, target store.User) bool {
	if h.Mailer == nil {
		return false
	}
	admin := kit.CurrentUser(c)
	body := "Hello " + target.DisplayName + ",\n\n" + admin.DisplayName + ", an administrator of your practice, reset the " +
		"two-factor sign-in of your Secure Base account. Your authenticator app and recovery codes no longer work, and you " +
		"were signed out everywhere. Sign in with your password and set up two-factor sign-in again under Account.\n\n" +
		"If you did not ask for this, tell your practice administrator at once.\n"
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 10*time.Second)
	defer cancel()
	if err := h.Mailer.Send(ctx, target.Email, "Your two-factor sign-in was reset", body); err != nil {
		h.Log.Warn("two-factor reset notice not sent", "request_id", kit.RequestID(c), "user_id", target.ID, "err", err)
		return false
	}
	return true
}
