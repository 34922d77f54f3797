package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// Session keys of the two-factor flows. Between the password and the second step a session
// holds a pending user, never auth.KeyUserID, so every signed-in route still refuses it.
const (
	keyPendingUser     = "2fa_pending_user"     // int64
	keyPendingPractice = "2fa_pending_practice" // int64
	keyPendingAt       = "2fa_pending_at"       // Unix seconds of the password check
	keyPendingPassword = "2fa_pending_password" // fingerprint of the password hash that was checked
	keyPendingNext     = "2fa_pending_next"     // where sign-in was going
	keyPendingEnrol    = "2fa_pending_enrol"    // bool: the practice requires two-factor and the user has none
	keyEnrolSecret     = "2fa_enrol_secret"     //nolint:gosec // a session key name: the secret offered, not yet confirmed
	keyEnrolURI        = "2fa_enrol_uri"        // its otpauth:// URI
	keyRecoveryCodes   = "2fa_recovery_codes"   // new recovery codes, shown once on the next page
)

// pendingMaxAge bounds the time between the password and the second step.
const pendingMaxAge = 10 * time.Minute

// qrSize is the width and height of the enrolment QR code, in pixels.
const qrSize = 240

// secondStep is what a correct password leads to.
type secondStep int

const (
	noSecondStep secondStep = iota // signed in at once
	codeStep                       // the user has two-factor: ask for a code
	enrolStep                      // the practice requires two-factor and the user has none: enrol first
)

// secondStepFor decides what u must do after a correct password.
func (s *Server) secondStepFor(ctx context.Context, u store.User) (secondStep, error) {
	_, err := s.store.TwoFactor(ctx, u.PracticeID, u.ID)
	if err == nil {
		return codeStep, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	required, err := s.store.TwoFactorRequired(ctx, u.PracticeID)
	if err != nil || !required {
		return noSecondStep, err
	}
	return enrolStep, nil
}

// startSecondStep remembers that u's password was right, without signing u in, and sends
// them to the code (or, when the practice requires it, the enrolment) page.
func (s *Server) startSecondStep(c echo.Context, u store.User, step secondStep, next string) error {
	ctx := c.Request().Context()
	if err := s.sessions.Clear(ctx); err != nil {
		return err
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, keyPendingUser, u.ID)
	s.sessions.Put(ctx, keyPendingPractice, u.PracticeID)
	s.sessions.Put(ctx, keyPendingAt, s.now().Unix())
	s.sessions.Put(ctx, keyPendingPassword, passwordFingerprint(u.PasswordHash))
	s.sessions.Put(ctx, keyPendingNext, safeNext(next))
	s.sessions.Put(ctx, keyPendingEnrol, step == enrolStep)
	detail, to := "second factor next", "/login/two-factor"
	if step == enrolStep {
		detail, to = "two-factor setup next", "/login/two-factor/setup"
	}
	if err := s.auditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.login", EntityType: "user",
		EntityID: strconv.FormatInt(u.ID, 10), Detail: detail}); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// pendingSignIn is a sign-in whose password was right and whose second step is not done.
type pendingSignIn struct {
	User  store.User
	Enrol bool
	Next  string
}

// pending returns the session's half-finished sign-in. It is dropped, and ok is false, when
// it is older than pendingMaxAge or the account was deactivated or its password changed since.
func (s *Server) pending(c echo.Context) (p pendingSignIn, ok bool, err error) {
	ctx := c.Request().Context()
	userID := s.sessions.GetInt64(ctx, keyPendingUser)
	if userID == 0 {
		return p, false, nil
	}
	if s.now().Sub(time.Unix(s.sessions.GetInt64(ctx, keyPendingAt), 0)) > pendingMaxAge {
		s.dropPending(ctx)
		s.sessions.Put(ctx, auth.KeyFlash, "That took too long. Please sign in again.")
		return p, false, nil
	}
	u, err := s.store.User(ctx, s.sessions.GetInt64(ctx, keyPendingPractice), userID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return p, false, err
	}
	if err != nil || !u.Active || passwordFingerprint(u.PasswordHash) != s.sessions.GetString(ctx, keyPendingPassword) {
		s.dropPending(ctx)
		return p, false, nil
	}
	return pendingSignIn{User: u, Enrol: s.sessions.GetBool(ctx, keyPendingEnrol), Next: s.sessions.GetString(ctx, keyPendingNext)}, true, nil
}

func (s *Server) dropPending(ctx context.Context) {
	for _, k := range []string{keyPendingUser, keyPendingPractice, keyPendingAt, keyPendingPassword, keyPendingNext,
		keyPendingEnrol, keyEnrolSecret, keyEnrolURI} {
		s.sessions.Remove(ctx, k)
	}
}

// passwordFingerprint identifies a password hash without storing it again in the session.
func passwordFingerprint(hash string) string {
	sum := sha256.Sum256([]byte(hash))
	return hex.EncodeToString(sum[:])
}

// enrolOffer returns the secret this session is offering for enrolment, making a new one
// for account (the user's email) when it holds none. Reloading the page keeps the secret.
func (s *Server) enrolOffer(c echo.Context, account string) (auth.TOTPKey, error) {
	ctx := c.Request().Context()
	if secret := s.sessions.GetString(ctx, keyEnrolSecret); secret != "" {
		return auth.TOTPKey{Secret: secret, URI: s.sessions.GetString(ctx, keyEnrolURI)}, nil
	}
	k, err := auth.NewTOTPKey(account)
	if err != nil {
		return k, err
	}
	s.sessions.Put(ctx, keyEnrolSecret, k.Secret)
	s.sessions.Put(ctx, keyEnrolURI, k.URI)
	return k, nil
}

// twoFactorSetup is the data of the enrolment page, used at sign-in and under Account.
type twoFactorSetup struct {
	Secret      string // grouped in fours for reading
	URI         string
	Link        template.URL // the same URI, as a link that opens an authenticator app on this device
	QR          string       // path of the QR code image
	Action      string       // where the confirmation posts
	AskPassword bool
	Replace     bool // replacing an authenticator already in use
	AtSignIn    bool
}

func (s *Server) renderSetup(c echo.Context, status int, form *Form, k auth.TOTPKey, d twoFactorSetup) error {
	title := "Set up two-factor sign-in"
	if d.Replace {
		title = "Replace your authenticator"
	}
	p := s.page(c, title)
	if form != nil {
		p.Form = form
	}
	d.Secret, d.URI = groupsOfFour(k.Secret), k.URI
	d.Link = template.URL(k.URI) //nolint:gosec // an otpauth: URI we built, not user input
	p.Data = d
	return s.render(c, status, "account/two_factor_setup", p)
}

// enrolQRCode serves the QR code of the secret this session is offering: only ever the
// requesting session's own, from our own route (no third-party service sees it).
func (s *Server) enrolQRCode(c echo.Context) error {
	uri := s.sessions.GetString(c.Request().Context(), keyEnrolURI)
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
func (s *Server) checkSecondFactor(ctx context.Context, u store.User, code string) (method string, left int, ok bool, reason string, err error) {
	tf, err := s.store.TwoFactor(ctx, u.PracticeID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", 0, false, "two-factor is off", nil
	}
	if err != nil {
		return "", 0, false, "", err
	}
	if code := compactCode(code); auth.IsTOTPCode(code) {
		secret, err := s.openTOTP(u, tf.Secret)
		if err != nil {
			return "", 0, false, "", err
		}
		step, match := auth.MatchTOTP(secret, code, s.now())
		if !match {
			return "", 0, false, "wrong code", nil
		}
		err = s.store.AcceptTOTPStep(ctx, u.PracticeID, u.ID, step)
		if errors.Is(err, store.ErrConflict) {
			return "", 0, false, "code already used", nil
		}
		return "authenticator", 0, err == nil, "", err
	}
	if _, shaped := auth.NormaliseRecoveryCode(code); !shaped {
		return "", 0, false, "not a code", nil
	}
	left, err = s.store.UseRecoveryCode(ctx, u.PracticeID, u.ID, auth.HashRecoveryCode(code), s.now())
	if errors.Is(err, store.ErrNotFound) {
		return "", 0, false, "unknown or used recovery code", nil
	}
	return "recovery code", left, err == nil, "", err
}

// showCodesNext keeps new recovery codes in the session for the next page to show, once.
func (s *Server) showCodesNext(c echo.Context, codes []string) {
	s.sessions.Put(c.Request().Context(), keyRecoveryCodes, strings.Join(codes, "\n"))
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
