package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

type passwordForm struct {
	Current string `form:"current" trim:"no" validate:"required,max=1024"`
	New     string `form:"new" trim:"no" validate:"required"`
	Confirm string `form:"confirm" trim:"no" validate:"required"`
}

func (s *Server) passwordPage(c echo.Context) error {
	return s.render(c, http.StatusOK, "account/password", s.page(c, "Change your password"))
}

func (s *Server) changePassword(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var in passwordForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // never echo passwords back
	if in.Current != "" && !s.passwords.Verify(in.Current, u.PasswordHash) {
		form.Fail("current", "This is not your current password.")
	}
	if in.New != "" {
		if perr := s.passwords.Check(in.New); perr != nil {
			form.Fail("new", perr.Error())
		} else if in.Confirm != in.New {
			form.Fail("confirm", "The two new passwords are different.")
		}
	}
	if form.HasErrors() {
		p := s.page(c, "Change your password")
		p.Form = form
		return s.render(c, http.StatusUnprocessableEntity, "account/password", p)
	}
	hash, err := s.passwords.Hash(in.New)
	if err != nil {
		return err
	}
	keep := auth.HashToken(s.sessions.Token(ctx))
	if err := s.store.SetPassword(ctx, u.PracticeID, u.ID, hash, keep); err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "user.change_password", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return s.flash(c, "/", "Your password is changed. Other sessions have been signed out.")
}
