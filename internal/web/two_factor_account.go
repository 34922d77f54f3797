package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// enableTwoFactorForm confirms enrolment under Account: the password again, and a code.
type enableTwoFactorForm struct {
	Password string `form:"password" validate:"required,max=1024"`
	Code     string `form:"code" validate:"required,max=64"`
}

// confirmPasswordForm asks for the password again before a change to the account's security.
type confirmPasswordForm struct {
	Password string `form:"password" validate:"required,max=1024"`
}

// twoFactorStatus is the data of the two-factor page when it is on.
type twoFactorStatus struct {
	EnabledAt    string
	RecoveryLeft int
	Required     bool
}

var enrolInAccount = twoFactorSetup{Action: "/account/two-factor", QR: "/account/two-factor/qr.png", AskPassword: true}

// twoFactorPage shows the state of the user's second factor, or enrolment when it is off.
func (s *Server) twoFactorPage(c echo.Context) error {
	u := currentUser(c)
	tf, err := s.store.TwoFactor(c.Request().Context(), u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		k, err := s.enrolOffer(c, u.Email)
		if err != nil {
			return err
		}
		return s.renderSetup(c, http.StatusOK, nil, k, enrolInAccount)
	}
	if err != nil {
		return err
	}
	return s.renderTwoFactorStatus(c, http.StatusOK, nil, tf)
}

func (s *Server) renderTwoFactorStatus(c echo.Context, status int, form *Form, tf store.TwoFactor) error {
	u := currentUser(c)
	required, err := s.store.TwoFactorRequired(c.Request().Context(), u.PracticeID)
	if err != nil {
		return err
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	p := s.page(c, "Two-factor sign-in")
	if form != nil {
		p.Form = form
	}
	p.Data = twoFactorStatus{EnabledAt: localTime(tf.EnabledAt, loc), RecoveryLeft: tf.RecoveryLeft, Required: required}
	return s.render(c, status, "account/two_factor", p)
}

// replaceTwoFactorPage offers a new secret to a user who has two-factor on already.
func (s *Server) replaceTwoFactorPage(c echo.Context) error {
	u := currentUser(c)
	_, err := s.store.TwoFactor(c.Request().Context(), u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return c.Redirect(http.StatusSeeOther, "/account/two-factor")
	}
	if err != nil {
		return err
	}
	k, err := s.enrolOffer(c, u.Email)
	if err != nil {
		return err
	}
	d := enrolInAccount
	d.Replace = true
	return s.renderSetup(c, http.StatusOK, nil, k, d)
}

// enableTwoFactor switches two-factor on, or replaces the authenticator, once the password
// and a current code of the offered secret are right; the new recovery codes follow, once.
func (s *Server) enableTwoFactor(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var in enableTwoFactorForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // never echo passwords or codes back
	k := auth.TOTPKey{Secret: s.sessions.GetString(ctx, keyEnrolSecret), URI: s.sessions.GetString(ctx, keyEnrolURI)}
	if k.Secret == "" {
		return s.flash(c, "/account/two-factor", "Your setup had expired. Please start again.")
	}
	_, err = s.store.TwoFactor(ctx, u.PracticeID, u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	replacing := err == nil
	if in.Password != "" && !s.passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	step, match := auth.MatchTOTP(k.Secret, compactCode(in.Code), s.now())
	if in.Code != "" && !match {
		form.Fail("code", codeMismatch)
	}
	if form.HasErrors() {
		d := enrolInAccount
		d.Replace = replacing
		return s.renderSetup(c, http.StatusUnprocessableEntity, form, k, d)
	}
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		return err
	}
	keep := auth.HashToken(s.sessions.Token(ctx))
	sealed, err := s.sealTOTP(*u, k.Secret)
	if err != nil {
		return err
	}
	if err := s.store.EnableTwoFactor(ctx, u.PracticeID, u.ID, sealed, step, s.now(), hashes, keep); err != nil {
		return err
	}
	s.sessions.Remove(ctx, keyEnrolSecret)
	s.sessions.Remove(ctx, keyEnrolURI)
	entry := store.AuditEntry{Action: "2fa.enable", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}
	if replacing {
		entry.Detail = "replaced the authenticator"
	}
	if err := s.audit(c, entry); err != nil {
		return err
	}
	s.showCodesNext(c, codes)
	return c.Redirect(http.StatusSeeOther, "/account/two-factor/recovery-codes")
}

// disableTwoFactor turns two-factor off after the password, unless the practice requires it.
func (s *Server) disableTwoFactor(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var in confirmPasswordForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil
	tf, err := s.store.TwoFactor(ctx, u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, "/account/two-factor", "Two-factor sign-in was already off.")
	}
	if err != nil {
		return err
	}
	required, err := s.store.TwoFactorRequired(ctx, u.PracticeID)
	if err != nil {
		return err
	}
	if required {
		form.Fail("_form", "Your practice requires two-factor sign-in, so it cannot be turned off. You can replace your authenticator instead.")
	}
	if in.Password != "" && !s.passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	if form.HasErrors() {
		return s.renderTwoFactorStatus(c, http.StatusUnprocessableEntity, form, tf)
	}
	err = s.store.DisableTwoFactor(ctx, u.PracticeID, u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "2fa.disable", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return s.flash(c, "/account/two-factor", "Two-factor sign-in is off. Your recovery codes no longer work.")
}

// recoveryCodesPage shows new recovery codes once: they leave the session as they are shown.
func (s *Server) recoveryCodesPage(c echo.Context) error {
	codes := s.sessions.PopString(c.Request().Context(), keyRecoveryCodes)
	if codes == "" {
		return c.Redirect(http.StatusSeeOther, "/account/two-factor")
	}
	p := s.page(c, "Your recovery codes")
	p.Data = struct{ Codes []string }{strings.Split(codes, "\n")}
	return s.render(c, http.StatusOK, "account/recovery_codes", p)
}
