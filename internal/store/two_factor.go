package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// This file holds the SQL of a staff member's own account security: the second factor and
// its recovery codes, the list of their sign-in sessions, and changing their email.

// TwoFactor is a user's confirmed TOTP second factor.
type TwoFactor struct {
	Secret       string    `db:"totp_secret"`
	LastStep     int64     `db:"last_step"` // the latest time step accepted; codes of it or earlier are refused
	EnabledAt    time.Time `db:"enabled_at"`
	RecoveryLeft int       `db:"recovery_left"` // unused recovery codes
}

// TwoFactor returns the user's second factor; ErrNotFound when they have none.
func (s *Store) TwoFactor(ctx context.Context, practiceID, userID int64) (TwoFactor, error) {
	var tf TwoFactor
	err := s.db.GetContext(ctx, &tf, `SELECT t.totp_secret, t.last_step, t.enabled_at,
			(SELECT count(*) FROM recovery_codes r WHERE r.practice_id = t.practice_id AND r.user_id = t.user_id
				AND r.used_at IS NULL) AS recovery_left
		FROM two_factor t WHERE t.practice_id = $1 AND t.user_id = $2`, practiceID, userID)
	return tf, mapErr("two-factor", err)
}

// EnableTwoFactor switches the user's second factor on, or replaces it: the secret, the step
// of the code that confirmed it, and a fresh set of recovery codes (their hashes) replacing
// any earlier ones. The user's other sessions end, except keepTokenHash's.
func (s *Store) EnableTwoFactor(ctx context.Context, practiceID, userID int64, secret string, step int64, now time.Time,
	codeHashes [][]byte, keepTokenHash []byte) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO two_factor (practice_id, user_id, totp_secret, last_step, enabled_at)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (practice_id, user_id) DO UPDATE
			SET totp_secret = excluded.totp_secret, last_step = excluded.last_step, enabled_at = excluded.enabled_at`,
			practiceID, userID, secret, step, now)
		if err != nil {
			return mapErr("enable two-factor", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE practice_id = $1 AND user_id = $2`, practiceID, userID); err != nil {
			return mapErr("drop recovery codes", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (practice_id, user_id, code_hash)
			SELECT $1, $2, unnest($3::bytea[])`, practiceID, userID, pq.ByteaArray(codeHashes)); err != nil {
			return mapErr("add recovery codes", err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2
			AND token_hash IS DISTINCT FROM $3`, practiceID, userID, keepTokenHash)
		return mapErr("end sessions", err)
	})
}

// DisableTwoFactor removes the user's second factor and recovery codes; ErrNotFound when
// they had none.
func (s *Store) DisableTwoFactor(ctx context.Context, practiceID, userID int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM two_factor WHERE practice_id = $1 AND user_id = $2`, practiceID, userID)
	return affected("disable two-factor", res, err)
}

// AcceptTOTPStep records that a code of step was used, only if step is later than every step
// accepted before; otherwise (a replayed code, or a race with another request using the
// same code) it returns ErrConflict and nothing changes.
func (s *Store) AcceptTOTPStep(ctx context.Context, practiceID, userID, step int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE two_factor SET last_step = $3
		WHERE practice_id = $1 AND user_id = $2 AND last_step < $3`, practiceID, userID, step)
	err = affected("accept totp step", res, err)
	if errors.Is(err, ErrNotFound) {
		return ErrConflict
	}
	return err
}

// UseRecoveryCode marks the unused recovery code with codeHash as used and returns how
// many remain; ErrNotFound when no unused code of the user has that hash.
func (s *Store) UseRecoveryCode(ctx context.Context, practiceID, userID int64, codeHash []byte, now time.Time) (left int, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE recovery_codes SET used_at = $4
			WHERE practice_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL`, practiceID, userID, codeHash, now)
		if err := affected("use recovery code", res, err); err != nil {
			return err
		}
		return mapErr("count recovery codes", tx.GetContext(ctx, &left, `SELECT count(*) FROM recovery_codes
			WHERE practice_id = $1 AND user_id = $2 AND used_at IS NULL`, practiceID, userID))
	})
	return left, err
}

// UserSession is one of a user's live sign-in sessions. Data is the session's encoded
// values (when it signed in and was last seen are read from it by the web layer).
type UserSession struct {
	TokenHash []byte    `db:"token_hash"`
	Data      []byte    `db:"data"`
	CreatedAt time.Time `db:"created_at"`
	Expiry    time.Time `db:"expiry"`
}

// UserSessions lists the user's unexpired sessions, newest first.
func (s *Store) UserSessions(ctx context.Context, practiceID, userID int64) ([]UserSession, error) {
	var out []UserSession
	err := s.db.SelectContext(ctx, &out, `SELECT token_hash, data, created_at, expiry FROM sessions
		WHERE practice_id = $1 AND user_id = $2 AND expiry > now() ORDER BY created_at DESC, token_hash`, practiceID, userID)
	return out, mapErr("user sessions", err)
}

// EndOtherSessions ends every session of the user except keepTokenHash's and returns how many ended.
func (s *Store) EndOtherSessions(ctx context.Context, practiceID, userID int64, keepTokenHash []byte) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2
		AND token_hash IS DISTINCT FROM $3`, practiceID, userID, keepTokenHash)
	if err != nil {
		return 0, mapErr("end other sessions", err)
	}
	return res.RowsAffected()
}

// SetEmail changes the user's email; ErrConflict when another account has it.
func (s *Store) SetEmail(ctx context.Context, practiceID, userID int64, email string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE users SET email = $3, updated_at = now()
		WHERE practice_id = $1 AND id = $2`, practiceID, userID, strings.TrimSpace(email))
	return affected("set email", res, err)
}

// SealedSecret is one user's stored TOTP secret, for the keys commands (all practices).
type SealedSecret struct {
	PracticeID int64  `db:"practice_id"`
	UserID     int64  `db:"user_id"`
	Secret     string `db:"totp_secret"`
}

// CountTwoFactor counts second factors in every practice: a server needs its key once any exists.
func (s *Store) CountTwoFactor(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM two_factor`)
	return n, mapErr("count two-factor", err)
}

// ResealTwoFactor rewrites every stored secret with reseal, in one transaction that locks
// them, and returns how many changed. reseal returns the value to store, or the same value
// to leave it; an error rolls everything back.
func (s *Store) ResealTwoFactor(ctx context.Context, reseal func(SealedSecret) (string, error)) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var all []SealedSecret
		if err := tx.SelectContext(ctx, &all, `SELECT practice_id, user_id, totp_secret FROM two_factor
			ORDER BY practice_id, user_id FOR UPDATE`); err != nil {
			return mapErr("read two-factor secrets", err)
		}
		for _, sec := range all {
			v, err := reseal(sec)
			if err != nil {
				return err
			}
			if v == sec.Secret {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE two_factor SET totp_secret = $3 WHERE practice_id = $1 AND user_id = $2`,
				sec.PracticeID, sec.UserID, v); err != nil {
				return mapErr("reseal two-factor secret", err)
			}
			changed++
		}
		return nil
	})
	return changed, err
}

// ReplaceRecoveryCodes gives the user a new set of recovery codes (their hashes); every
// earlier code, used or not, stops working. ErrNotFound when they have no second factor.
func (s *Store) ReplaceRecoveryCodes(ctx context.Context, practiceID, userID int64, codeHashes [][]byte) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var one int
		if err := tx.GetContext(ctx, &one, `SELECT 1 FROM two_factor WHERE practice_id = $1 AND user_id = $2 FOR UPDATE`,
			practiceID, userID); err != nil {
			return mapErr("lock two-factor", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE practice_id = $1 AND user_id = $2`, practiceID, userID); err != nil {
			return mapErr("drop recovery codes", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (practice_id, user_id, code_hash)
			SELECT $1, $2, unnest($3::bytea[])`, practiceID, userID, pq.ByteaArray(codeHashes))
		return mapErr("add recovery codes", err)
	})
}

// ResetTwoFactor removes the user's second factor and recovery codes, and ends all their
// sessions: an admin's answer to a lost phone. ErrNotFound when they had none.
func (s *Store) ResetTwoFactor(ctx context.Context, practiceID, userID int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM two_factor WHERE practice_id = $1 AND user_id = $2`, practiceID, userID)
		if err := affected("reset two-factor", res, err); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2`, practiceID, userID)
		return mapErr("end sessions", err)
	})
}
