package account

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
	"github.com/securebase/securebase/templates/ui"
)

type loginForm struct {
	Email    string `form:"email" validate:"required,max=254"`
	Password string `form:"password" validate:"required,max=1024"`
	Next     string `form:"next"`
}

// LoginPage shows the sign-in form; a signed-in session goes home instead.
func (h *Handlers) LoginPage(c echo.Context) error {
	if h.Sessions.GetInt64(c.Request().Context(), auth.KeyUserID) != 0 {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return h.renderLogin(c, http.StatusOK, &ui.Form{}, safeNext(c.QueryParam("next")))
}

func (h *Handlers) renderLogin(c echo.Context, status int, form *ui.Form, next string) error {
	return h.Render(c, status, view.SignInPage(view.SignIn{Page: h.Page(c, "Sign in"), Form: form, Next: next}))
}

// Login checks the email and password, slowing down guessing, and signs in or starts the
// second step.
func (h *Handlers) Login(c echo.Context) error {
	ctx := c.Request().Context()
	var in loginForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values.Del("password")
	next := form.Value("next")
	if form.HasErrors() {
		return h.renderLogin(c, http.StatusUnprocessableEntity, form, next)
	}
	u, err := h.Store.UserByEmail(ctx, in.Email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	attempt, err := h.Store.StartSignIn(ctx, in.Email, c.RealIP(), h.deviceHash(c), h.Now(), signInThrottle)
	if err != nil {
		return err
	}
	if attempt.Wait > 0 {
		if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{Action: "auth.login", Outcome: store.OutcomeDenied, Detail: "throttled"}); err != nil {
			return err
		}
		form.Fail("_form", "Too many sign-in attempts. For your security, sign-in from this browser is slowed down: please wait "+
			waitWords(attempt.Wait)+" and try again.")
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(attempt.Wait.Seconds())+1))
		return h.renderLogin(c, http.StatusTooManyRequests, form, next)
	}
	if !h.Passwords.Verify(in.Password, u.PasswordHash) || !u.Active { // Verify runs even for unknown emails
		entry := store.AuditEntry{Action: "auth.login", Outcome: store.OutcomeFailure}
		if u.ID != 0 {
			entry.ActorUserID, entry.EntityType, entry.EntityID = u.ID, "user", strconv.FormatInt(u.ID, 10)
		}
		if err := h.AuditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		if attempt.Notify && u.ID != 0 && u.Active {
			h.tellOfFailedSignIns(c, u)
		}
		form.Fail("_form", "The email or password is not right. Please try again.")
		return h.renderLogin(c, http.StatusUnauthorized, form, next)
	}

	if err := h.Store.SignInSucceeded(ctx, attempt, h.Now()); err != nil {
		return err
	}
	step, err := h.secondStepFor(ctx, u)
	if err != nil {
		return err
	}
	if step != noSecondStep {
		return h.startSecondStep(c, u, step, in.Next)
	}
	if err := h.signIn(c, u); err != nil {
		return err
	}
	if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.login", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, safeNext(in.Next))
}

// signIn makes the session u's: everything it held before (such as a half-finished second
// step) is dropped. A new token on sign-in, so a token planted before sign-in is worthless
// after it; and a new CSRF token on the next page, so a planted one is worthless too.
func (h *Handlers) signIn(c echo.Context, u store.User) error {
	ctx := c.Request().Context()
	if err := h.Sessions.Clear(ctx); err != nil {
		return err
	}
	if err := h.Sessions.RenewToken(ctx); err != nil {
		return err
	}
	now := h.Now()
	h.Sessions.Put(ctx, auth.KeyUserID, u.ID)
	h.Sessions.Put(ctx, auth.KeyPracticeID, u.PracticeID)
	h.Sessions.Put(ctx, auth.KeySignedInAt, now.Unix())
	h.Sessions.Put(ctx, auth.KeySeenAt, now.Unix())
	return h.rememberDevice(c, u)
}

// Logout ends the session.
func (h *Handlers) Logout(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	if err := h.Audit(c, store.AuditEntry{Action: "auth.logout", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	if err := h.Sessions.Destroy(ctx); err != nil {
		return err
	}
	return h.Flash(c, "/login", "You have signed out.")
}
