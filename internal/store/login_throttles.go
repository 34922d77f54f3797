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
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('login-email:' || $1)),
			pg_advisory_xact_lock(hashtext('login-ip:' || coalesce($2, '')))`, a.email, nullString(ip)); err != nil {
			return mapErr("lock sign-in", err)
		}
		if deviceHash != nil {
			err := tx.GetContext(ctx, &a.deviceID, `UPDATE known_devices d SET
					failures = CASE WHEN d.last_failure_at IS NULL OR d.last_failure_at < $3 THEN 1 ELSE d.failures + 1 END,
					last_failure_at = $4
				FROM users u WHERE u.practice_id = d.practice_id AND u.id = d.user_id AND lower(u.email) = $2
					AND d.token_hash = $1 AND (d.last_failure_at IS NULL OR d.last_failure_at < $3 OR d.failures < $5)
				RETURNING d.id`, deviceHash, a.email, now.Add(-rule.Window), now, rule.DeviceFailures)
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
		err := tx.GetContext(ctx, &wait, `SELECT
			(SELECT not_before FROM login_throttles WHERE email = $1) AS email_until,
			CASE WHEN (SELECT count(*) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) >= $4
				THEN (SELECT min(attempted_at) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) + $5 * interval '1 second'
				END AS ip_until`,
			a.email, nullString(ip), now.Add(-rule.Window), rule.IPFailures, rule.Window.Seconds())
		if err != nil {
			return mapErr("sign-in throttle", err)
		}
		if until := later(wait.Email.Time, wait.IP.Time); until.After(now) {
			a.Wait = until.Sub(now)
			return nil
		}
		var failures int
		err = tx.GetContext(ctx, &failures, `INSERT INTO login_throttles AS t (email, failures, last_failure_at, not_before)
			VALUES ($1, 1, $2, $2)
			ON CONFLICT (email) DO UPDATE SET
				failures = CASE WHEN t.last_failure_at < $3 THEN 1 ELSE t.failures + 1 END, last_failure_at = $2
			RETURNING failures`, a.email, now, now.Add(-rule.Window))
		if err != nil {
			return mapErr("count sign-in failure", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE login_throttles SET not_before = $2 WHERE email = $1`,
			a.email, now.Add(rule.delay(failures))); err != nil {
			return mapErr("delay sign-in", err)
		}
		a.Notify = failures == rule.NotifyAt
		return mapErr("record login attempt", tx.GetContext(ctx, &a.attemptID,
			`INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id`,
			a.email, nullString(ip), now))
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
		_, err := s.db.ExecContext(ctx, `UPDATE known_devices SET failures = 0, last_failure_at = NULL, last_used_at = $2
			WHERE id = $1`, a.deviceID, now)
		return mapErr("known device succeeded", err)
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_throttles WHERE email = $1`, a.email); err != nil {
			return mapErr("reset sign-in throttle", err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE login_attempts SET succeeded = true WHERE id = $1`, a.attemptID)
		return mapErr("mark login succeeded", err)
	})
}

// RememberDevice records a browser the user has signed in from (the SHA-256 of its device
// cookie); for a pair already known, it notes the time.
func (s *Store) RememberDevice(ctx context.Context, practiceID, userID int64, tokenHash []byte, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO known_devices (practice_id, user_id, token_hash, created_at, last_used_at)
		VALUES ($1, $2, $3, $4, $4) ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = excluded.last_used_at`, practiceID, userID, tokenHash, now)
	return mapErr("remember device", err)
}

// IsKnownDevice reports whether tokenHash is a device the user has signed in from.
func (s *Store) IsKnownDevice(ctx context.Context, practiceID, userID int64, tokenHash []byte) (bool, error) {
	var ok bool
	err := s.db.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM known_devices
		WHERE practice_id = $1 AND user_id = $2 AND token_hash = $3)`, practiceID, userID, tokenHash)
	return ok, mapErr("is known device", err)
}
