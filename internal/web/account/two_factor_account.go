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

// enableTwoFactorForm confirms enrolment under Account: the password again, and a code.
type enableTwoFactorForm struct {
	Password string `form:"password" validate:"required,max=1024"`
	Code     string `form:"code" validate:"required,max=64"`
}

// confirmPasswordForm asks for the password again before a change to the account's security.
type confirmPasswordForm struct {
	Password string `form:"password" validate:"required,max=1024"`
}

// TwoFactorPage shows the state of the user's second factor, or enrolment when it is off.
func (h *Handlers) TwoFactorPage(c echo.Context) error {
	u := kit.CurrentUser(c)
	tf, err := h.Store.TwoFactor(c.Request().Context(), u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		k, err := h.enrolOffer(c, u.Email)
		if err != nil {
			return err
		}
		return h.renderSetup(c, http.StatusOK, nil, k, enrolInAccount, false)
	}
	if err != nil {
		return err
	}
	return h.renderTwoFactorStatus(c, http.StatusOK, &ui.Form{}, tf)
}

func (h *Handlers) renderTwoFactorStatus(c echo.Context, status int, form *ui.Form, tf store.TwoFactor) error {
	u := kit.CurrentUser(c)
	required, err := h.Store.TwoFactorRequired(c.Request().Context(), u.PracticeID)
	if err != nil {
		return err
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	return h.Render(c, status, view.TwoFactorPage(view.TwoFactor{Page: h.Page(c, "Two-factor sign-in"), Form: form,
		EnabledAt: localTime(tf.EnabledAt, loc), RecoveryLeft: tf.RecoveryLeft, Required: required}))
}

// ReplaceTwoFactorPage offers a new secret to a user who has two-factor on already.
func (h *Handlers) ReplaceTwoFactorPage(c echo.Context) error {
	u := kit.CurrentUser(c)
	_, err := h.Store.TwoFactor(c.Request().Context(), u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return c.Redirect(http.StatusSeeOther, "/account/two-factor")
	}
	if err != nil {
		return err
	}
	k, err := h.enrolOffer(c, u.Email)
	if err != nil {
		return err
	}
	return h.renderSetup(c, http.StatusOK, nil, k, enrolInAccount, true)
}

// EnableTwoFactor switches two-factor on, or replaces the authenticator, once the password
// and a current code of the offered secret are right; the new recovery codes follow, once.
func (h *Handlers) EnableTwoFactor(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var in enableTwoFactorForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil // never echo passwords or codes back
	k := h.offered(c)
	if k.Secret == "" {
		return h.Flash(c, "/account/two-factor", "Your setup had expired. Please start again.")
	}
	_, err = h.Store.TwoFactor(ctx, u.PracticeID, u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	replacing := err == nil
	if in.Password != "" && !h.Passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	step, match := auth.MatchTOTP(k.Secret, compactCode(in.Code), h.Now())
	if in.Code != "" && !match {
		form.Fail("code", codeMismatch)
	}
	if form.HasErrors() {
		return h.renderSetup(c, http.StatusUnprocessableEntity, form, k, enrolInAccount, replacing)
	}
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		return err
	}
	keep := auth.HashToken(h.Sessions.Token(ctx))
	sealed, err := h.sealTOTP(*u, k.Secret)
	if err != nil {
		return err
	}
	if err := h.Store.EnableTwoFactor(ctx, u.PracticeID, u.ID, sealed, step, h.Now(), hashes, keep); err != nil {
		return err
	}
	h.Sessions.Remove(ctx, keyEnrolSecret)
	h.Sessions.Remove(ctx, keyEnrolURI)
	entry := store.AuditEntry{Action: "2fa.enable", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}
	if replacing {
		entry.Detail = "replaced the authenticator"
	}
	if err := h.Audit(c, entry); err != nil {
		return err
	}
	h.showCodesNext(c, codes)
	return c.Redirect(http.StatusSeeOther, "/account/two-factor/recovery-codes")
}

// DisableTwoFactor turns two-factor off after the password, unless the practice requires it.
func (h *Handlers) DisableTwoFactor(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var in confirmPasswordForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	form.Values = nil
	tf, done, err := h.ownTwoFactor(c, "Two-factor sign-in was already off.")
	if done || err != nil {
		return err
	}
	required, err := h.Store.TwoFactorRequired(ctx, u.PracticeID)
	if err != nil {
		return err
	}
	if required {
		form.Fail("_form", "Your practice requires two-factor sign-in, so it cannot be turned off. You can replace your authenticator instead.")
	}
	if in.Password != "" && !h.Passwords.Verify(in.Password, u.PasswordHash) {
		form.Fail("password", "This is not your current password.")
	}
	if form.HasErrors() {
		return h.renderTwoFactorStatus(c, http.StatusUnprocessableEntity, form, tf)
	}
	err = h.Store.DisableTwoFactor(ctx, u.PracticeID, u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "2fa.disable", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)}); err != nil {
		return err
	}
	return h.Flash(c, "/account/two-factor", "Two-factor sign-in is off. Your recovery codes no longer work.")
}

// ownTwoFactor reads the signed-in user's second factor. When they have none it answers with
// offMessage on the two-factor page, and done is true.
func (h *Handlers) ownTwoFactor(c echo.Context, offMessage string) (tf store.TwoFactor, done bool, err error) {
	u := kit.CurrentUser(c)
	tf, err = h.Store.TwoFactor(c.Request().Context(), u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return tf, true, h.Flash(c, "/account/two-factor", offMessage)
	}
	return tf, false, err
}
