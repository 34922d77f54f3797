package account

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/account"
	"github.com/securebase/securebase/templates/ui"
)

// codeForm is the second step of sign-in, and the confirmation of enrolment at sign-in.
type codeForm struct {
	Code string `form:"code" validate:"required,max=64"`
}

func (h *Handlers) renderCode(c echo.Context, status int, form *ui.Form) error {
	return h.Render(c, status, view.CodePage(view.Code{Page: h.Page(c, "Two-factor sign-in"), Form: form}))
}

// TwoFactorLoginPage asks a session whose password was right for its second factor.
func (h *Handlers) TwoFactorLoginPage(c echo.Context) error {
	p, ok, err := h.pending(c)
	if err != nil || !ok {
		return orLogin(c, err)
	}
	if p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor/setup")
	}
	return h.renderCode(c, http.StatusOK, &ui.Form{})
}

// TwoFactorLogin checks the second factor, throttling wrong codes, and signs in.
func (h *Handlers) TwoFactorLogin(c echo.Context) error {
	if err := onlyFields(c, &codeForm{}); err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, ok, err := h.pending(c)
	if err != nil || !ok {
		return orLogin(c, err)
	}
	if p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor/setup")
	}
	var in codeForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // codes are never echoed back
	if form.HasErrors() {
		return h.renderCode(c, http.StatusUnprocessableEntity, form)
	}
	u := p.User
	entry := store.AuditEntry{ActorUserID: u.ID, Action: "auth.2fa", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}
	attemptID, throttled, err := h.Store.StartLoginAttempt(ctx, twoFactorThrottleKey(u.ID), c.RealIP(), h.Now(),
		store.LoginLimit{Max: maxLoginFailures, Window: loginWindow})
	if err != nil {
		return err
	}
	if throttled {
		entry.Outcome, entry.Detail = store.OutcomeDenied, "throttled"
		if err := h.AuditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		form.Fail("_form", "Too many attempts. For your security, sign-in is paused for up to 15 minutes. Please try again later.")
		return h.renderCode(c, http.StatusTooManyRequests, form)
	}
	method, left, ok, reason, err := h.checkSecondFactor(ctx, u, in.Code)
	if err != nil {
		return err
	}
	if !ok {
		entry.Outcome, entry.Detail = store.OutcomeFailure, reason
		if err := h.AuditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		form.Fail("code", "This code is not right, or was already used. Enter the newest code from your app, or an unused recovery code.")
		return h.renderCode(c, http.StatusUnauthorized, form)
	}

	if err := h.Store.MarkLoginSucceeded(ctx, attemptID); err != nil {
		return err
	}
	if err := h.signIn(c, u); err != nil {
		return err
	}
	entry.Detail = method
	if err := h.AuditFor(c, u.PracticeID, entry); err != nil {
		return err
	}
	if method == "recovery code" {
		if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "2fa.recovery_used", EntityType: "user",
			EntityID: strconv.FormatInt(u.ID, 10), Detail: strconv.Itoa(left) + " left"}); err != nil {
			return err
		}
		return h.Flash(c, safeNext(p.Next), "You signed in with a recovery code, which cannot be used again. You have "+
			strconv.Itoa(left)+" left: replace your authenticator under Account to get a new set.")
	}
	return c.Redirect(http.StatusSeeOther, safeNext(p.Next))
}

// TwoFactorEnrolPage is enrolment at sign-in, for a user whose practice requires two-factor.
func (h *Handlers) TwoFactorEnrolPage(c echo.Context) error {
	p, ok, err := h.pending(c)
	if err != nil || !ok {
		return orLogin(c, err)
	}
	if !p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor")
	}
	k, err := h.enrolOffer(c, p.User.Email)
	if err != nil {
		return err
	}
	return h.renderSetup(c, http.StatusOK, nil, k, enrolAtSignIn, false)
}

// TwoFactorEnrol turns two-factor on at sign-in once a code of the offered secret is right,
// signs in, and shows the recovery codes next.
func (h *Handlers) TwoFactorEnrol(c echo.Context) error {
	if err := onlyFields(c, &codeForm{}); err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, ok, err := h.pending(c)
	if err != nil || !ok {
		return orLogin(c, err)
	}
	if !p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor")
	}
	var in codeForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil
	k := h.offered(c)
	if k.Secret == "" {
		return h.Flash(c, "/login/two-factor/setup", "Your setup had expired. Please add this new key to your app.")
	}
	step, match := auth.MatchTOTP(k.Secret, compactCode(in.Code), h.Now())
	if in.Code != "" && !match {
		form.Fail("code", codeMismatch)
	}
	if form.HasErrors() {
		return h.renderSetup(c, http.StatusUnprocessableEntity, form, k, enrolAtSignIn, false)
	}
	u := p.User
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		return err
	}
	// Any session the user still has was opened with the password alone: none survives.
	sealed, err := h.sealTOTP(u, k.Secret)
	if err != nil {
		return err
	}
	if err := h.Store.EnableTwoFactor(ctx, u.PracticeID, u.ID, sealed, step, h.Now(), hashes, nil); err != nil {
		return err
	}
	if err := h.signIn(c, u); err != nil {
		return err
	}
	id := strconv.FormatInt(u.ID, 10)
	if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "2fa.enable", EntityType: "user", EntityID: id,
		Detail: "at sign-in, required by the practice"}); err != nil {
		return err
	}
	if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.2fa", EntityType: "user", EntityID: id,
		Detail: "enrolled"}); err != nil {
		return err
	}
	h.showCodesNext(c, codes)
	return c.Redirect(http.StatusSeeOther, "/account/two-factor/recovery-codes")
}
