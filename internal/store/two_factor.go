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
	err := s.q.TwoFactor.GetContext(ctx, &tf, practiceID, userID)
	return tf, mapErr("two-factor", err)
}

// EnableTwoFactor switches the user's second factor on, or replaces it: the secret, the step
// of the code that confirmed it, and a fresh set of recovery codes (their hashes) replacing
// any earlier ones. The user's other sessions end, except keepTokenHash's.
func (s *Store) EnableTwoFactor(ctx context.Context, practiceID, userID int64, secret string, step int64, now time.Time,
	codeHashes [][]byte, keepTokenHash []byte) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := txExec(ctx, tx, s.q.InsertTwoFactor, practiceID, userID, secret, step, now)
		if err != nil {
			return mapErr("enable two-factor", err)
		}
		if _, err := txExec(ctx, tx, s.q.DeleteRecoveryCodes, practiceID, userID); err != nil {
			return mapErr("drop recovery codes", err)
		}
		if _, err := txExec(ctx, tx, s.q.InsertRecoveryCodes, practiceID, userID, pq.ByteaArray(codeHashes)); err != nil {
			return mapErr("add recovery codes", err)
		}
		_, err = txExec(ctx, tx, s.q.EndSessionsButOne, practiceID, userID, keepTokenHash)
		return mapErr("end sessions", err)
	})
}

// DisableTwoFactor removes the user's second factor and recovery codes; ErrNotFound when
// they had none.
func (s *Store) DisableTwoFactor(ctx context.Context, practiceID, userID int64) error {
	res, err := s.q.DisableTwoFactor.ExecContext(ctx, practiceID, userID)
	return affected("disable two-factor", res, err)
}

// AcceptTOTPStep records that a code of step was used, only if step is later than every step
// accepted before; otherwise (a replayed code, or a race with another request using the
// same code) it returns ErrConflict and nothing changes.
func (s *Store) AcceptTOTPStep(ctx context.Context, practiceID, userID, step int64) error {
	res, err := s.q.AcceptTOTPStep.ExecContext(ctx, practiceID, userID, step)
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
		res, err := txExec(ctx, tx, s.q.UseRecoveryCode, practiceID, userID, codeHash, now)
		if err := affected("use recovery code", res, err); err != nil {
			return err
		}
		return mapErr("count recovery codes", txGet(ctx, tx, s.q.CountUnusedRecoveryCodes, &left, practiceID, userID))
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
	err := s.q.UserSessions.SelectContext(ctx, &out, practiceID, userID)
	return out, mapErr("user sessions", err)
}

// EndOtherSessions ends every session of the user except keepTokenHash's and returns how many ended.
func (s *Store) EndOtherSessions(ctx context.Context, practiceID, userID int64, keepTokenHash []byte) (int64, error) {
	res, err := s.q.EndOtherSessions.ExecContext(ctx, practiceID, userID, keepTokenHash)
	if err != nil {
		return 0, mapErr("end other sessions", err)
	}
	return res.RowsAffected()
}

// SetEmail changes the user's email; ErrConflict when another account has it.
func (s *Store) SetEmail(ctx context.Context, practiceID, userID int64, email string) error {
	res, err := s.q.SetEmail.ExecContext(ctx, practiceID, userID, strings.TrimSpace(email))
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
	err := s.q.CountTwoFactor.GetContext(ctx, &n)
	return n, mapErr("count two-factor", err)
}

// ResealTwoFactor rewrites every stored secret with reseal, in one transaction that locks
// them, and returns how many changed. reseal returns the value to store, or the same value
// to leave it; an error rolls everything back.
func (s *Store) ResealTwoFactor(ctx context.Context, reseal func(SealedSecret) (string, error)) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var all []SealedSecret
		if err := txSelect(ctx, tx, s.q.LockAllTwoFactor, &all); err != nil {
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
			if _, err := txExec(ctx, tx, s.q.SetTOTPSecret, sec.PracticeID, sec.UserID, v); err != nil {
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
		if err := txGet(ctx, tx, s.q.LockTwoFactor, &one, practiceID, userID); err != nil {
			return mapErr("lock two-factor", err)
		}
		if _, err := txExec(ctx, tx, s.q.DeleteRecoveryCodes, practiceID, userID); err != nil {
			return mapErr("drop recovery codes", err)
		}
		_, err := txExec(ctx, tx, s.q.InsertRecoveryCodes, practiceID, userID, pq.ByteaArray(codeHashes))
		return mapErr("add recovery codes", err)
	})
}

// ResetTwoFactor removes the user's second factor and recovery codes, and ends all their
// sessions: an admin's answer to a lost phone. ErrNotFound when they had none.
func (s *Store) ResetTwoFactor(ctx context.Context, practiceID, userID int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.DisableTwoFactor, practiceID, userID)
		if err := affected("reset two-factor", res, err); err != nil {
			return err
		}
		_, err = txExec(ctx, tx, s.q.EndUserSessions, practiceID, userID)
		return mapErr("end sessions", err)
	})
}
