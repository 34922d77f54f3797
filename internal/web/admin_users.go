package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

type newUserForm struct {
	DisplayName string `form:"display_name" validate:"required,max=120"`
	Email       string `form:"email" validate:"required,email,max=254"`
	Role        string `form:"role" validate:"required,oneof=admin counsellor supervisor"`
	Password    string `form:"password"`
}

type passwordShown struct {
	Heading  string
	Target   store.User
	Password string
}

func (s *Server) listUsers(c echo.Context) error {
	users, err := s.store.Users(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	p := s.page(c, "Staff accounts")
	p.Data = struct{ Users []store.User }{users}
	return s.render(c, http.StatusOK, "admin/users", p)
}

func (s *Server) newUserPage(c echo.Context) error {
	p := s.page(c, "Add a user")
	p.Form.Values = map[string][]string{"role": {string(store.RoleCounsellor)}}
	return s.renderNewUser(c, http.StatusOK, p)
}

func (s *Server) renderNewUser(c echo.Context, status int, p *Page) error {
	p.Data = struct{ Roles []store.Role }{store.Roles}
	return s.render(c, status, "admin/user_new", p)
}

func (s *Server) createUser(c echo.Context) error {
	ctx := c.Request().Context()
	admin := currentUser(c)
	var in newUserForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	if in.Password != "" {
		if perr := s.passwords.Check(in.Password); perr != nil {
			form.Fail("password", perr.Error())
		}
	}
	p := s.page(c, "Add a user")
	p.Form = form
	if form.HasErrors() {
		return s.renderNewUser(c, http.StatusUnprocessableEntity, p)
	}
	password, generated := in.Password, in.Password == ""
	if generated {
		if password, err = auth.GeneratePassword(); err != nil {
			return err
		}
	}
	hash, err := s.passwords.Hash(password)
	if err != nil {
		return err
	}
	u, err := s.store.CreateUser(ctx, admin.PracticeID, store.NewUser{Email: in.Email, DisplayName: in.DisplayName, Role: store.Role(in.Role), PasswordHash: hash})
	if errors.Is(err, store.ErrConflict) {
		form.Fail("email", "An account with this email already exists.")
		return s.renderNewUser(c, http.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "user.create", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10), Detail: "role=" + string(u.Role)}); err != nil {
		return err
	}
	if !generated {
		return s.flash(c, "/admin/users", u.DisplayName+" can now sign in.")
	}
	p = s.page(c, "User added")
	p.Data = passwordShown{Heading: u.DisplayName + " can now sign in", Target: u, Password: password}
	return s.render(c, http.StatusOK, "admin/password_shown", p)
}

// targetUser loads the user named in the path, within the admin's practice only.
func (s *Server) targetUser(c echo.Context) (store.User, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return store.User{}, echo.ErrNotFound
	}
	u, err := s.store.User(c.Request().Context(), currentUser(c).PracticeID, id)
	if errors.Is(err, store.ErrNotFound) {
		return u, echo.ErrNotFound
	}
	return u, err
}

func (s *Server) deactivateUser(c echo.Context) error {
	target, err := s.targetUser(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	if target.ID == currentUser(c).ID {
		return s.flash(c, "/admin/users", "You cannot deactivate your own account. Ask another admin.")
	}
	err = s.store.DeactivateUser(c.Request().Context(), target.PracticeID, target.ID)
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, "/admin/users", target.DisplayName+" was already deactivated.")
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "user.deactivate", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10)}); err != nil {
		return err
	}
	return s.flash(c, "/admin/users", target.DisplayName+" is deactivated and signed out everywhere.")
}

func (s *Server) resetPassword(c echo.Context) error {
	target, err := s.targetUser(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	if !target.Active {
		return s.flash(c, "/admin/users", target.DisplayName+" is deactivated: their password cannot be reset.")
	}
	password, err := auth.GeneratePassword()
	if err != nil {
		return err
	}
	hash, err := s.passwords.Hash(password)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(c.Request().Context(), target.PracticeID, target.ID, hash, nil); err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "user.reset_password", EntityType: "user", EntityID: strconv.FormatInt(target.ID, 10)}); err != nil {
		return err
	}
	p := s.page(c, "Password reset")
	p.Data = passwordShown{Heading: "New password for " + target.DisplayName, Target: target, Password: password}
	return s.render(c, http.StatusOK, "admin/password_shown", p)
}
