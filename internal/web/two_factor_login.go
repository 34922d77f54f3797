package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// codeForm is the second step of sign-in, and the confirmation of enrolment at sign-in.
type codeForm struct {
	Code string `form:"code" validate:"required,max=64"`
}

// twoFactorThrottleKey is what wrong codes are counted under: one key per account, apart
// from its email's, so a correct password (which resets the email's count) never resets it.
func twoFactorThrottleKey(userID int64) string { return "2fa:user:" + strconv.FormatInt(userID, 10) }

func (s *Server) twoFactorLoginPage(c echo.Context) error {
	p, ok, err := s.pending(c)
	if err != nil || !ok {
		return s.orLogin(c, err)
	}
	if p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor/setup")
	}
	return s.render(c, http.StatusOK, "auth/two_factor", s.page(c, "Two-factor sign-in"))
}

func (s *Server) twoFactorLogin(c echo.Context) error {
	if err := onlyFields(c, "code"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, ok, err := s.pending(c)
	if err != nil || !ok {
		return s.orLogin(c, err)
	}
	if p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor/setup")
	}
	var in codeForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // codes are never echoed back
	page := s.page(c, "Two-factor sign-in")
	page.Form = form
	if form.HasErrors() {
		return s.render(c, http.StatusUnprocessableEntity, "auth/two_factor", page)
	}
	u := p.User
	entry := store.AuditEntry{ActorUserID: u.ID, Action: "auth.2fa", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}
	attemptID, throttled, err := s.store.StartLoginAttempt(ctx, twoFactorThrottleKey(u.ID), c.RealIP(), s.now(),
		store.LoginLimit{Max: maxLoginFailures, Window: loginWindow})
	if err != nil {
		return err
	}
	if throttled {
		entry.Outcome, entry.Detail = store.OutcomeDenied, "throttled"
		if err := s.auditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		form.Fail("_form", "Too many attempts. For your security, sign-in is paused for up to 15 minutes. Please try again later.")
		return s.render(c, http.StatusTooManyRequests, "auth/two_factor", page)
	}
	method, left, ok, reason, err := s.checkSecondFactor(ctx, u, in.Code)
	if err != nil {
		return err
	}
	if !ok {
		entry.Outcome, entry.Detail = store.OutcomeFailure, reason
		if err := s.auditFor(c, u.PracticeID, entry); err != nil {
			return err
		}
		form.Fail("code", "This code is not right, or was already used. Enter the newest code from your app, or an unused recovery code.")
		return s.render(c, http.StatusUnauthorized, "auth/two_factor", page)
	}

	if err := s.store.MarkLoginSucceeded(ctx, attemptID); err != nil {
		return err
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	entry.Detail = method
	if err := s.auditFor(c, u.PracticeID, entry); err != nil {
		return err
	}
	if method == "recovery code" {
		if err := s.auditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "2fa.recovery_used", EntityType: "user",
			EntityID: strconv.FormatInt(u.ID, 10), Detail: strconv.Itoa(left) + " left"}); err != nil {
			return err
		}
		return s.flash(c, safeNext(p.Next), "You signed in with a recovery code, which cannot be used again. You have "+
			strconv.Itoa(left)+" left: replace your authenticator under Account to get a new set.")
	}
	return c.Redirect(http.StatusSeeOther, safeNext(p.Next))
}

// twoFactorEnrolPage is enrolment at sign-in, for a user whose practice requires two-factor.
func (s *Server) twoFactorEnrolPage(c echo.Context) error {
	p, ok, err := s.pending(c)
	if err != nil || !ok {
		return s.orLogin(c, err)
	}
	if !p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor")
	}
	k, err := s.enrolOffer(c, p.User.Email)
	if err != nil {
		return err
	}
	return s.renderSetup(c, http.StatusOK, nil, k, enrolAtSignIn)
}

var enrolAtSignIn = twoFactorSetup{Action: "/login/two-factor/setup", QR: "/login/two-factor/qr.png", AtSignIn: true}

func (s *Server) twoFactorEnrol(c echo.Context) error {
	if err := onlyFields(c, "code"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, ok, err := s.pending(c)
	if err != nil || !ok {
		return s.orLogin(c, err)
	}
	if !p.Enrol {
		return c.Redirect(http.StatusSeeOther, "/login/two-factor")
	}
	var in codeForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil
	k := auth.TOTPKey{Secret: s.sessions.GetString(ctx, keyEnrolSecret), URI: s.sessions.GetString(ctx, keyEnrolURI)}
	if k.Secret == "" {
		return s.flash(c, "/login/two-factor/setup", "Your setup had expired. Please add this new key to your app.")
	}
	step, match := auth.MatchTOTP(k.Secret, compactCode(in.Code), s.now())
	if in.Code != "" && !match {
		form.Fail("code", codeMismatch)
	}
	if form.HasErrors() {
		return s.renderSetup(c, http.StatusUnprocessableEntity, form, k, enrolAtSignIn)
	}
	u := p.User
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		return err
	}
	// Any session the user still has was opened with the password alone: none survives.
	sealed, err := s.sealTOTP(u, k.Secret)
	if err != nil {
		return err
	}
	if err := s.store.EnableTwoFactor(ctx, u.PracticeID, u.ID, sealed, step, s.now(), hashes, nil); err != nil {
		return err
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	id := strconv.FormatInt(u.ID, 10)
	if err := s.auditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "2fa.enable", EntityType: "user", EntityID: id,
		Detail: "at sign-in, required by the practice"}); err != nil {
		return err
	}
	if err := s.auditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.2fa", EntityType: "user", EntityID: id,
		Detail: "enrolled"}); err != nil {
		return err
	}
	s.showCodesNext(c, codes)
	return c.Redirect(http.StatusSeeOther, "/account/two-factor/recovery-codes")
}

// codeMismatch is the message beside the code field when enrolment's code does not match.
const codeMismatch = "This code does not match. Check that the app shows Secure Base and enter the newest code."

// orLogin returns err, or sends a session with no (or an expired) second step back to sign in.
func (s *Server) orLogin(c echo.Context, err error) error {
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/login")
}
