package account

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
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

// secondStep is what a correct password leads to.
type secondStep int

const (
	noSecondStep secondStep = iota // signed in at once
	codeStep                       // the user has two-factor: ask for a code
	enrolStep                      // the practice requires two-factor and the user has none: enrol first
)

// secondStepFor decides what u must do after a correct password.
func (h *Handlers) secondStepFor(ctx context.Context, u store.User) (secondStep, error) {
	_, err := h.Store.TwoFactor(ctx, u.PracticeID, u.ID)
	if err == nil {
		return codeStep, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	required, err := h.Store.TwoFactorRequired(ctx, u.PracticeID)
	if err != nil || !required {
		return noSecondStep, err
	}
	return enrolStep, nil
}

// startSecondStep remembers that u's password was right, without signing u in, and sends
// them to the code (or, when the practice requires it, the enrolment) page.
func (h *Handlers) startSecondStep(c echo.Context, u store.User, step secondStep, next string) error {
	ctx := c.Request().Context()
	if err := h.Sessions.Clear(ctx); err != nil {
		return err
	}
	if err := h.Sessions.RenewToken(ctx); err != nil {
		return err
	}
	h.Sessions.Put(ctx, keyPendingUser, u.ID)
	h.Sessions.Put(ctx, keyPendingPractice, u.PracticeID)
	h.Sessions.Put(ctx, keyPendingAt, h.Now().Unix())
	h.Sessions.Put(ctx, keyPendingPassword, passwordFingerprint(u.PasswordHash))
	h.Sessions.Put(ctx, keyPendingNext, safeNext(next))
	h.Sessions.Put(ctx, keyPendingEnrol, step == enrolStep)
	detail, to := "second factor next", "/login/two-factor"
	if step == enrolStep {
		detail, to = "two-factor setup next", "/login/two-factor/setup"
	}
	if err := h.AuditFor(c, u.PracticeID, store.AuditEntry{ActorUserID: u.ID, Action: "auth.login", EntityType: "user",
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
func (h *Handlers) pending(c echo.Context) (p pendingSignIn, ok bool, err error) {
	ctx := c.Request().Context()
	userID := h.Sessions.GetInt64(ctx, keyPendingUser)
	if userID == 0 {
		return p, false, nil
	}
	if h.Now().Sub(time.Unix(h.Sessions.GetInt64(ctx, keyPendingAt), 0)) > pendingMaxAge {
		h.dropPending(ctx)
		h.Sessions.Put(ctx, auth.KeyFlash, "That took too long. Please sign in again.")
		return p, false, nil
	}
	u, err := h.Store.User(ctx, h.Sessions.GetInt64(ctx, keyPendingPractice), userID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return p, false, err
	}
	if err != nil || !u.Active || passwordFingerprint(u.PasswordHash) != h.Sessions.GetString(ctx, keyPendingPassword) {
		h.dropPending(ctx)
		return p, false, nil
	}
	return pendingSignIn{User: u, Enrol: h.Sessions.GetBool(ctx, keyPendingEnrol), Next: h.Sessions.GetString(ctx, keyPendingNext)}, true, nil
}

func (h *Handlers) dropPending(ctx context.Context) {
	for _, k := range []string{keyPendingUser, keyPendingPractice, keyPendingAt, keyPendingPassword, keyPendingNext,
		keyPendingEnrol, keyEnrolSecret, keyEnrolURI} {
		h.Sessions.Remove(ctx, k)
	}
}

// passwordFingerprint identifies a password hash without storing it again in the session.
func passwordFingerprint(hash string) string {
	sum := sha256.Sum256([]byte(hash))
	return hex.EncodeToString(sum[:])
}

// orLogin returns err, or sends a session with no (or an expired) second step back to sign in.
func orLogin(c echo.Context, err error) error {
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/login")
}
