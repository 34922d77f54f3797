package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// LoginLimit says when sign-in attempts are refused: Max failures within Window, for one
// email (counted since its last success) or for one IP address.
type LoginLimit struct {
	Max    int
	Window time.Duration
}

// StartLoginAttempt decides whether a sign-in attempt may go ahead and, if so, records it
// as a failure until MarkLoginSucceeded says otherwise. Attempts for one email and one IP
// are serialised by advisory locks, so parallel guesses see each other's attempts and cannot
// slip past the limit. It runs before any practice is known, so it is unscoped; the email is
// stored in lower case whether or not an account exists.
func (s *Store) StartLoginAttempt(ctx context.Context, email, ip string, now time.Time, limit LoginLimit) (attemptID int64, throttled bool, err error) {
	email = normEmail(email)
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := txExec(ctx, tx, s.q.LockLoginEmailAndIP, email, nullString(ip)); err != nil {
			return mapErr("lock login attempts", err)
		}
		var counts struct {
			ByEmail int `db:"by_email"`
			ByIP    int `db:"by_ip"`
		}
		since := now.Add(-limit.Window)
		err := txGet(ctx, tx, s.q.RecentLoginFailures, &counts, email, nullString(ip), since)
		if err != nil {
			return mapErr("count login failures", err)
		}
		if counts.ByEmail >= limit.Max || counts.ByIP >= limit.Max {
			throttled = true
			return nil
		}
		return mapErr("record login attempt", txGet(ctx, tx, s.q.InsertLoginAttempt, &attemptID, email, nullString(ip), now))
	})
	return attemptID, throttled, err
}

// MarkLoginSucceeded records that an attempt succeeded, which resets the email's count.
func (s *Store) MarkLoginSucceeded(ctx context.Context, attemptID int64) error {
	res, err := s.q.MarkLoginSucceeded.ExecContext(ctx, attemptID)
	return affected("mark login succeeded", res, err)
}

// DeleteLoginAttemptsBefore forgets attempts, and strangers' throttles, older than the given time.
func (s *Store) DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error {
	if _, err := s.q.DeleteStaleLoginThrottles.ExecContext(ctx, before); err != nil {
		return mapErr("delete login throttles", err)
	}
	_, err := s.q.DeleteLoginAttemptsBefore.ExecContext(ctx, before)
	return mapErr("delete login attempts", err)
}

// DeleteDevicesUnusedSince forgets browsers that have not signed in since the given time
// (their device cookies have expired by then).
func (s *Store) DeleteDevicesUnusedSince(ctx context.Context, since time.Time) error {
	_, err := s.q.DeleteDevicesUnusedSince.ExecContext(ctx, since)
	return mapErr("delete unused devices", err)
}

func normEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
