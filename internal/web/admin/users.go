package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

type newUserForm struct {
	DisplayName string `form:"display_name" validate:"required,max=120"`
	Email       string `form:"email" validate:"required,email,max=254"`
	Role        string `form:"role" validate:"required,oneof=admin counsellor supervisor"`
	Password    string `form:"password"`
}

// ListUsers lists the practice's staff accounts.
func (h *Handlers) ListUsers(c echo.Context) error {
	users, err := h.Store.Users(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return err
	}
	self := kit.CurrentUser(c).ID
	v := view.UsersView{Page: h.Page(c, "Staff accounts")}
	for _, u := range users {
		row := view.User{ID: u.ID, DisplayName: u.DisplayName, Email: u.Email, Role: string(u.Role), Active: u.Active, Self: u.ID == self}
		if u.DeactivatedAt != nil {
			row.DeactivatedOn = u.DeactivatedAt.UTC().Format("2 Jan 2006")
		}
		v.Users = append(v.Users, row)
	}
	return h.Render(c, http.StatusOK, view.Users(v))
}

// NewUserPage shows the form adding a staff account.
func (h *Handlers) NewUserPage(c echo.Context) error {
	form := &ui.Form{Values: map[string][]string{"role": {string(store.RoleCounsellor)}}}
	return h.renderNewUser(c, http.StatusOK, form)
}

func (h *Handlers) renderNewUser(c echo.Context, status int, form *ui.Form) error {
	v := view.NewUserView{Page: h.Page(c, "Add a user"), Form: form}
	for _, r := range store.Roles {
		v.Roles = append(v.Roles, ui.Option{Value: string(r), Label: layout.RoleName(string(r))})
	}
	return h.Render(c, status, view.NewUser(v))
}

// CreateUser adds a staff account, with the password typed or a generated one shown once.
func (h *Handlers) CreateUser(c echo.Context) error {
	ctx := c.Request().Context()
	admin := kit.CurrentUser(c)
	var in newUserForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	if in.Password != "" {
		if perr := h.Passwords.Check(in.Password); perr != nil {
			form.Fail("password", perr.Error())
		}
	}
	if form.HasErrors() {
		return h.renderNewUser(c, http.StatusUnprocessableEntity, form)
	}
	password, generated := in.Password, in.Password == ""
	if generated {
		if password, err = auth.GeneratePassword(); err != nil {
			return err
		}
	}
	hash, err := h.Passwords.Hash(password)
	if err != nil {
		return err
	}
	u, err := h.Store.CreateUser(ctx, admin.PracticeID, store.NewUser{Email: in.Email, DisplayName: in.DisplayName, Role: store.Role(in.Role), PasswordHash: hash})
	if errors.Is(err, store.ErrConflict) {
		form.Fail("email", "An account with this email already exists.")
		return h.renderNewUser(c, http.StatusUnprocessableEntity, form)
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "user.create", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10), Detail: "role=" + string(u.Role)}); err != nil {
		return err
	}
	if !generated {
		return h.Flash(c, "/admin/users", u.DisplayName+" can now sign in.")
	}
	return h.showPassword(c, "User added", u.DisplayName+" can now sign in", u, password)
}

// showPassword shows a new password once.
func (h *Handlers) showPassword(c echo.Context, title, heading string, u store.User, password string) error {
	v := view.PasswordShownView{Page: h.Page(c, title), Heading: heading, Name: u.DisplayName, Email: u.Email, Password: password}
	return h.Render(c, http.StatusOK, view.PasswordShown(v))
}
