package web

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// resetTwoFactor is an admin's answer to a lost phone: the user's second factor and recovery
// codes go, their sessions end, and they are told by email when email is set up. They then
// sign in with their password (and enrol again where the practice requires it).
func (s *Server) resetTwoFactor(c echo.Context) error {
	target, err := s.targetUser(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	err = s.store.ResetTwoFactor(c.Request().Context(), target.PracticeID, target.ID)
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, "/admin/users", target.DisplayName+" does not use two-factor sign-in: nothing to reset.")
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "2fa.reset", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10),
		Detail: "by an admin; sessions ended"}); err != nil {
		return err
	}
	told := s.tellOfTwoFactorReset(c, target)
	msg := "Two-factor sign-in is reset for " + target.DisplayName + ": they sign in with their password and can set it up again."
	if told {
		msg += " They were told by email."
	} else {
		msg += " Email is not set up: please tell them yourself."
	}
	return s.flash(c, "/admin/users", msg)
}

// tellOfTwoFactorReset emails target that an admin reset their second factor; false when no
// email went out.
func (s *Server) tellOfTwoFactorReset(c echo.Context, target store.User) bool {
	if s.mailer == nil {
		return false
	}
	admin := currentUser(c)
	body := "Hello " + target.DisplayName + ",\n\n" + admin.DisplayName + ", an administrator of your practice, reset the " +
		"two-factor sign-in of your Secure Base account. Your authenticator app and recovery codes no longer work, and you " +
		"were signed out everywhere. Sign in with your password and set up two-factor sign-in again under Account.\n\n" +
		"If you did not ask for this, tell your practice administrator at once.\n"
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 10*time.Second)
	defer cancel()
	if err := s.mailer.Send(ctx, target.Email, "Your two-factor sign-in was reset", body); err != nil {
		s.log.Warn("two-factor reset notice not sent", "request_id", requestIDOf(c), "user_id", target.ID, "err", err)
		return false
	}
	return true
}
