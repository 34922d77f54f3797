package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// ThrottleRule says how sign-in attempts are slowed (OWASP's device-cookie pattern).
type ThrottleRule struct {
	Window         time.Duration // failures older than this are forgotten
	FreeFailures   int           // failures of strangers for one email before any delay
	FirstDelay     time.Duration // the delay after them, doubling with each further failure
	MaxDelay       time.Duration // the longest delay: strangers are slowed, never locked out
	NotifyAt       int           // the stranger failure that emails the account's owner
	DeviceFailures int           // failures a known device may make before it counts as a stranger
	IPFailures     int           // failures of strangers from one IP across emails before it waits for the window
}

// SignInAttempt is the throttle's answer to one attempt, and what to mark once the password
// is checked.
type SignInAttempt struct {
	Wait        time.Duration // > 0: refused; try again after this long
	KnownDevice bool          // the browser has signed in to this account before
	Notify      bool          // this failure completes a burst: tell the account's owner
	deviceID    int64
	attemptID   int64
	email       string
}

// delay is how long a stranger waits after their n-th failure in a row.
func (r ThrottleRule) delay(n int) time.Duration {
	if n <= r.FreeFailures {
		return 0
	}
	d := r.FirstDelay
	for i := r.FreeFailures + 1; i < n && d < r.MaxDelay; i++ {
		d *= 2
	}
	return min(d, r.MaxDelay)
}

// StartSignIn decides whether an attempt to sign in as email may go ahead and records it as a
// failure until SignInSucceeded says otherwise. An attempt from a device the account has
// signed in from (deviceHash, the SHA-256 of its device cookie) is counted against that
// device only, so strangers guessing cannot stop the real user. Attempts from anywhere else
// share one growing delay per email, and a limit per IP. Attempts for one email and one IP are
// serialised by advisory locks, so parallel guesses see each other. It runs before any
// practice is known, so it is unscoped.
func (s *Store) StartSignIn(ctx context.Context, email, ip string, deviceHash []byte, now time.Time, rule ThrottleRule) (SignInAttempt, error) {
	a := SignInAttempt{email: normEmail(email)}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := txExec(ctx, tx, s.q.LockLoginEmailAndIP, a.email, nullString(ip)); err != nil {
			return mapErr("lock sign-in", err)
		}
		if deviceHash != nil {
			err := txGet(ctx, tx, s.q.CountDeviceFailure, &a.deviceID, deviceHash, a.email, now.Add(-rule.Window), now, rule.DeviceFailures)
			if err == nil {
				a.KnownDevice = true
				return nil
			}
			if err = mapErr("known device", err); !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		var wait struct {
			Email sql.NullTime `db:"email_until"`
			IP    sql.NullTime `db:"ip_until"`
		}
		err := txGet(ctx, tx, s.q.SignInWaits, &wait, a.email, nullString(ip), now.Add(-rule.Window), rule.IPFailures, rule.Window.Seconds())
		if err != nil {
			return mapErr("sign-in throttle", err)
		}
		if until := later(wait.Email.Time, wait.IP.Time); until.After(now) {
			a.Wait = until.Sub(now)
			return nil
		}
		var failures int
		err = txGet(ctx, tx, s.q.CountEmailFailure, &failures, a.email, now, now.Add(-rule.Window))
		if err != nil {
			return mapErr("count sign-in failure", err)
		}
		if _, err := txExec(ctx, tx, s.q.DelayEmail, a.email, now.Add(rule.delay(failures))); err != nil {
			return mapErr("delay sign-in", err)
		}
		a.Notify = failures == rule.NotifyAt
		return mapErr("record login attempt", txGet(ctx, tx, s.q.InsertLoginAttempt, &a.attemptID, a.email, nullString(ip), now))
	})
	return a, err
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// SignInSucceeded records that the attempt's password was right: a known device's failures
// are forgotten, as are a stranger's for that email.
func (s *Store) SignInSucceeded(ctx context.Context, a SignInAttempt, now time.Time) error {
	if a.KnownDevice {
		_, err := s.q.ClearDeviceFailures.ExecContext(ctx, a.deviceID, now)
		return mapErr("known device succeeded", err)
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := txExec(ctx, tx, s.q.ClearEmailThrottle, a.email); err != nil {
			return mapErr("reset sign-in throttle", err)
		}
		_, err := txExec(ctx, tx, s.q.MarkLoginSucceeded, a.attemptID)
		return mapErr("mark login succeeded", err)
	})
}

// RememberDevice records a browser the user has signed in from (the SHA-256 of its device
// cookie); for a pair already known, it notes the time.
func (s *Store) RememberDevice(ctx context.Context, practiceID, userID int64, tokenHash []byte, now time.Time) error {
	_, err := s.q.RememberDevice.ExecContext(ctx, practiceID, userID, tokenHash, now)
	return mapErr("remember device", err)
}

// IsKnownDevice reports whether tokenHash is a device the user has signed in from.
func (s *Store) IsKnownDevice(ctx context.Context, practiceID, userID int64, tokenHash []byte) (bool, error) {
	var ok bool
	err := s.q.IsKnownDevice.GetContext(ctx, &ok, practiceID, userID, tokenHash)
	return ok, mapErr("is known device", err)
}
