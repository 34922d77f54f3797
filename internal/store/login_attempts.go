package store

import (
	"context"
	"strings"
	"time"
)

// RecordLoginAttempt notes a sign-in attempt for throttling. It runs before any practice
// is known, so it is unscoped; the email is stored in lower case whether or not an account exists.
func (s *Store) RecordLoginAttempt(ctx context.Context, email, ip string, succeeded bool) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`,
		normEmail(email), nullString(ip), succeeded)
	return mapErr("record login attempt", err)
}

// RecentLoginFailures counts failed attempts since the given time for the IP, and for the
// email since the later of that time and its last successful sign-in.
func (s *Store) RecentLoginFailures(ctx context.Context, email, ip string, since time.Time) (byEmail, byIP int, err error) {
	var row struct {
		ByEmail int `db:"by_email"`
		ByIP    int `db:"by_ip"`
	}
	err = s.db.GetContext(ctx, &row, `SELECT
			(SELECT count(*) FROM login_attempts WHERE email = $1 AND NOT succeeded AND attempted_at >= greatest($3,
				(SELECT max(attempted_at) FROM login_attempts WHERE email = $1 AND succeeded))) AS by_email,
			(SELECT count(*) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) AS by_ip`,
		normEmail(email), nullString(ip), since)
	return row.ByEmail, row.ByIP, mapErr("recent login failures", err)
}

// DeleteLoginAttemptsBefore forgets attempts older than the given time.
func (s *Store) DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_attempts WHERE attempted_at < $1`, before)
	return mapErr("delete login attempts", err)
}

func normEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
