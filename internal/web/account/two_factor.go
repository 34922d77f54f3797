package account

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/account"
	"github.com/securebase/securebase/templates/ui"
)

// qrSize is the width and height of the enrolment QR code, in pixels.
const qrSize = 240

// codeMismatch is the message beside the code field when enrolment's code does not match.
const codeMismatch = "This code does not match. Check that the app shows Secure Base and enter the newest code."

// enrolOffer returns the secret this session is offering for enrolment, making a new one
// for account (the user's email) when it holds none. Reloading the page keeps the secret.
func (h *Handlers) enrolOffer(c echo.Context, account string) (auth.TOTPKey, error) {
	ctx := c.Request().Context()
	if secret := h.Sessions.GetString(ctx, keyEnrolSecret); secret != "" {
		return auth.TOTPKey{Secret: secret, URI: h.Sessions.GetString(ctx, keyEnrolURI)}, nil
	}
	k, err := auth.NewTOTPKey(account)
	if err != nil {
		return k, err
	}
	h.Sessions.Put(ctx, keyEnrolSecret, k.Secret)
	h.Sessions.Put(ctx, keyEnrolURI, k.URI)
	return k, nil
}

// offered returns the secret the session offered for enrolment; empty when it has expired.
func (h *Handlers) offered(c echo.Context) auth.TOTPKey {
	ctx := c.Request().Context()
	return auth.TOTPKey{Secret: h.Sessions.GetString(ctx, keyEnrolSecret), URI: h.Sessions.GetString(ctx, keyEnrolURI)}
}

// setupAt is where an enrolment page's form posts and its QR code comes from, and what it asks.
type setupAt struct {
	Action, QR  string
	AskPassword bool
	AtSignIn    bool
}

var (
	enrolAtSignIn  = setupAt{Action: "/login/two-factor/setup", QR: "/login/two-factor/qr.png", AtSignIn: true}
	enrolInAccount = setupAt{Action: "/account/two-factor", QR: "/account/two-factor/qr.png", AskPassword: true}
)

// renderSetup shows the enrolment page for k; replace when an authenticator is in use already.
func (h *Handlers) renderSetup(c echo.Context, status int, form *ui.Form, k auth.TOTPKey, at setupAt, replace bool) error {
	title := "Set up two-factor sign-in"
	if replace {
		title = "Replace your authenticator"
	}
	if form == nil {
		form = &ui.Form{}
	}
	return h.Render(c, status, view.SetupPage(view.Setup{Page: h.Page(c, title), Form: form,
		Secret: groupsOfFour(k.Secret), URI: k.URI, QR: at.QR, Action: at.Action,
		AskPassword: at.AskPassword, Replace: replace, AtSignIn: at.AtSignIn}))
}

// EnrolQRCode serves the QR code of the secret this session is offering: only ever the
// requesting session's own, from our own route (no third-party service sees it).
func (h *Handlers) EnrolQRCode(c echo.Context) error {
	uri := h.Sessions.GetString(c.Request().Context(), keyEnrolURI)
	if uri == "" {
		return echo.ErrNotFound
	}
	png, err := auth.TOTPQRCode(uri, qrSize)
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "image/png", png)
}

// compactCode removes the spaces people type or paste inside a code.
func compactCode(code string) string {
	return strings.Join(strings.Fields(code), "")
}

// checkSecondFactor checks a code from u's authenticator (refusing one of a step already
// used) or one of u's unused recovery codes, which it uses up. method says which it was;
// when !ok, reason says why for the audit log.
func (h *Handlers) checkSecondFactor(ctx context.Context, u store.User, code string) (method string, left int, ok bool, reason string, err error) {
	tf, err := h.Store.TwoFactor(ctx, u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", 0, false, "two-factor is off", nil
	}
	if err != nil {
		return "", 0, false, "", err
	}
	if code := compactCode(code); auth.IsTOTPCode(code) {
		secret, err := h.openTOTP(u, tf.Secret)
		if err != nil {
			return "", 0, false, "", err
		}
		step, match := auth.MatchTOTP(secret, code, h.Now())
		if !match {
			return "", 0, false, "wrong code", nil
		}
		err = h.Store.AcceptTOTPStep(ctx, u.PracticeID, u.ID, step)
		if errors.Is(err, store.ErrConflict) {
			return "", 0, false, "code already used", nil
		}
		return "authenticator", 0, err == nil, "", err
	}
	if _, shaped := auth.NormaliseRecoveryCode(code); !shaped {
		return "", 0, false, "not a code", nil
	}
	left, err = h.Store.UseRecoveryCode(ctx, u.PracticeID, u.ID, auth.HashRecoveryCode(code), h.Now())
	if errors.Is(err, store.ErrNotFound) {
		return "", 0, false, "unknown or used recovery code", nil
	}
	return "recovery code", left, err == nil, "", err
}

// showCodesNext keeps new recovery codes in the session for the next page to show, once.
func (h *Handlers) showCodesNext(c echo.Context, codes []string) {
	h.Sessions.Put(c.Request().Context(), keyRecoveryCodes, strings.Join(codes, "\n"))
}

func groupsOfFour(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
