package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// Second-factor codes: this many wrong codes for one account (or from one IP) within the
// window refuse further codes until the oldest leaves it. Only someone who knew the password
// can get this far.
const (
	maxLoginFailures = 5
	loginWindow      = 15 * time.Minute
)

// signInThrottle slows password guessing without letting anyone lock a staff member out:
// a browser that has signed in to the account keeps trying normally (up to 10 failures in
// the window); strangers get 3 free failures per email, then waits of 15 s doubling to at most
// 5 minutes; the 10th failure in a row from strangers emails the account's owner.
var signInThrottle = store.ThrottleRule{Window: loginWindow, FreeFailures: 3, FirstDelay: 15 * time.Second,
	MaxDelay: 5 * time.Minute, NotifyAt: 10, DeviceFailures: 10, IPFailures: 30}

type loginForm struct {
	Email    string `form:"email" validate:"required,max=254"`
	Password string `form:"password" validate:"required,max=1024"`
	Next     string `form:"next"`
}

func (s *Server) loginPage(c echo.Context) error {
	if s.sessions.GetInt64(c.Request().Context(), auth.KeyUserID) != 0 {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	p := s.page(c, "Sign in")
	p.Form.Values = map[string][]string{"next": {safeNext(c.QueryParam("next"))}}
	return s.render(c, http.StatusOK, "auth/login", p)
}

func (s *Server) login(c echo.Context) error {
	ctx := c.Request().Context()
	var in loginForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	p := s.page(c, "Sign in")
	p.Form = form
	if form.HasErrors() {
		return s.render(c, http.StatusUnprocessableEntity, "auth/login", p)
	}
	u, err := s.store.UserByEmail(ctx, in.Email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	attempt, err := s.store.StartSignIn(ctx, in.Email, c.RealIP(), s.deviceHash(c), s.now(), signInThrottle)
	if err != nil {
		return err
	}
	if attempt.Wait > 0 {
		if err := s.auditFor(c, u.PracticeID, store.AuditEntry{Action: "auth.login", Outcome: store.OutcomeDenied, Detail: "throttled"}); err != nil {
			return err
		}
		p.Form.Fail("_form", "Too many sign-in attempts. For your security, sign-in from this browser is slowed down: please wait "+
			waitWords(attempt.Wait)+" and try again.")
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(attempt.Wait.Seconds())+1))
		return s.render(c, http.StatusTooManyRequests, "auth/login", p)
	}
	if !s.passwords.Verify(in.Password, u.PasswordHash) || !u.Active { // Verify runs even for unknown emails
		entry := store.AuditEntry{Action: "auth.login", Outcome: store.OutcomeFailure}
		if u.ID != 0 {
			entry.ActorUserID, entry.EntityType, entry.EntityID = u.ID, "user", strconv.FormatInt(u.ID, 10)
		}
		if err := s.auditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		if attempt.Notify && u.ID != 0 && u.Active {
			s.tellOfFailedSignIns(c, u)
		}
		p.Form.Fail("_form", "The email or password is not right. Please try again.")
		return s.render(c, http.StatusUnauthorized, "auth/login", p)
	}

	if err := s.store.SignInSucceeded(ctx, attempt, s.now()); err != nil {
		return err
	}
	step, err := s.secondStepFor(ctx, u)
	if err != nil {
		return err
	}
	if step != noSecondStep {
		return s.startSecondStep(c, u, step, in.Next)
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	if err := s.auditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.login", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, safeNext(in.Next))
}

// signIn makes the session u's: everything it held before (such as a half-finished second
// step) is dropped. A new token on sign-in, so a token planted before sign-in is worthless
// after it; and a new CSRF token on the next page, so a planted one is worthless too.
func (s *Server) signIn(c echo.Context, u store.User) error {
	ctx := c.Request().Context()
	if err := s.sessions.Clear(ctx); err != nil {
		return err
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	now := s.now()
	s.sessions.Put(ctx, auth.KeyUserID, u.ID)
	s.sessions.Put(ctx, auth.KeyPracticeID, u.PracticeID)
	s.sessions.Put(ctx, auth.KeySignedInAt, now.Unix())
	s.sessions.Put(ctx, auth.KeySeenAt, now.Unix())
	return s.rememberDevice(c, u)
}

func (s *Server) logout(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	if err := s.audit(c, store.AuditEntry{Action: "auth.logout", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	if err := s.sessions.Destroy(ctx); err != nil {
		return err
	}
	return s.flash(c, "/login", "You have signed out.")
}
