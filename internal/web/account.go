package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
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

// accountOverview is the data of the account page.
type accountOverview struct {
	TwoFactorOn  bool
	RecoveryLeft int
	Sessions     int
}

// accountPage shows the user's email, second factor and sessions, with where to change each.
func (s *Server) accountPage(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var d accountOverview
	tf, err := s.store.TwoFactor(ctx, u.PracticeID, u.ID)
	switch {
	case err == nil:
		d.TwoFactorOn, d.RecoveryLeft = true, tf.RecoveryLeft
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if d.Sessions, err = s.store.CountUserSessions(ctx, u.PracticeID, u.ID); err != nil {
		return err
	}
	p := s.page(c, "Your account")
	p.Data = d
	return s.render(c, http.StatusOK, "account/index", p)
}

type emailForm struct {
	Email    string `form:"email" validate:"required,email,max=254"`
	Password string `form:"password" validate:"required,max=1024"`
}

func (s *Server) emailPage(c echo.Context) error {
	p := s.page(c, "Change your email")
	p.Form.Values = url.Values{"email": {currentUser(c).Email}}
	return s.render(c, http.StatusOK, "account/email", p)
}

// changeEmail changes the email the user signs in with, once their password is right.
func (s *Server) changeEmail(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var in emailForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	if in.Password != "" && !s.passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	if in.Email != "" && strings.EqualFold(in.Email, u.Email) {
		form.Fail("email", "This is already your email.")
	}
	p := s.page(c, "Change your email")
	p.Form = form
	if !form.HasErrors() {
		err = s.store.SetEmail(ctx, u.PracticeID, u.ID, in.Email)
		if errors.Is(err, store.ErrConflict) {
			form.Fail("email", "Another account already uses this email.")
		} else if err != nil {
			return err
		}
	}
	if form.HasErrors() {
		return s.render(c, http.StatusUnprocessableEntity, "account/email", p)
	}
	if err := s.audit(c, store.AuditEntry{Action: "user.change_email", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return s.flash(c, "/account", "Your email is changed. Use it the next time you sign in.")
}

// sessionView is one of the user's sessions as the sessions page lists it.
type sessionView struct {
	SignedIn, LastSeen string
	Current            bool
}

// sessionsPage lists the user's live sessions: when each signed in, when it was last seen,
// and which is this one.
func (s *Server) sessionsPage(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	rows, err := s.store.UserSessions(ctx, u.PracticeID, u.ID)
	if err != nil {
		return err
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	current := auth.HashToken(s.sessions.Token(ctx))
	views := make([]sessionView, 0, len(rows))
	for _, r := range rows {
		signedIn, seen := r.CreatedAt, r.CreatedAt
		if _, values, err := (scs.GobCodec{}).Decode(r.Data); err == nil {
			if t, ok := values[auth.KeySignedInAt].(int64); ok {
				signedIn = time.Unix(t, 0)
			}
			if t, ok := values[auth.KeySeenAt].(int64); ok {
				seen = time.Unix(t, 0)
			}
		}
		v := sessionView{Current: bytes.Equal(r.TokenHash, current)}
		if v.Current {
			seen = s.now() // this request: the stored time may be up to a minute behind
		}
		v.SignedIn, v.LastSeen = localTime(signedIn, loc), localTime(seen, loc)
		views = append(views, v)
	}
	p := s.page(c, "Your sessions")
	p.Data = struct{ Sessions []sessionView }{views}
	return s.render(c, http.StatusOK, "account/sessions", p)
}

// endOtherSessions signs the user out everywhere but here.
func (s *Server) endOtherSessions(c echo.Context) error {
	if err := onlyFields(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u := currentUser(c)
	n, err := s.store.EndOtherSessions(ctx, u.PracticeID, u.ID, auth.HashToken(s.sessions.Token(ctx)))
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "sessions.end_others", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10),
		Detail: strconv.FormatInt(n, 10) + " ended"}); err != nil {
		return err
	}
	msg := "You are signed out everywhere else."
	if n == 0 {
		msg = "There were no other sessions to end."
	}
	return s.flash(c, "/account/sessions", msg)
}

// localTime formats t in the practice's time zone, naming the zone.
func localTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2 Jan 2006 15:04 MST")
}
