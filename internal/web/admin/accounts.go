package admin

import (
	"errors"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// DeactivateUser closes another staff member's account and ends their sessions.
func (h *Handlers) DeactivateUser(c echo.Context) error {
	target, err := h.targetUser(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	if target.ID == kit.CurrentUser(c).ID {
		return h.Flash(c, "/admin/users", "You cannot deactivate your own account. Ask another admin.")
	}
	err = h.Store.DeactivateUser(c.Request().Context(), target.PracticeID, target.ID)
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, "/admin/users", target.DisplayName+" was already deactivated.")
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "user.deactivate", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10)}); err != nil {
		return err
	}
	return h.Flash(c, "/admin/users", target.DisplayName+" is deactivated and signed out everywhere.")
}

// ResetPassword gives an active account a generated password, shown once.
func (h *Handlers) ResetPassword(c echo.Context) error {
	target, err := h.targetUser(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	if !target.Active {
		return h.Flash(c, "/admin/users", target.DisplayName+" is deactivated: their password cannot be reset.")
	}
	password, err := auth.GeneratePassword()
	if err != nil {
		return err
	}
	hash, err := h.Passwords.Hash(password)
	if err != nil {
		return err
	}
	if err := h.Store.SetPassword(c.Request().Context(), target.PracticeID, target.ID, hash, nil); err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "user.reset_password", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10)}); err != nil {
		return err
	}
	return h.showPassword(c, "Password reset", "New password for "+target.DisplayName, target, password)
}
