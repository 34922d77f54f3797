package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Role is what a staff account may do.
type Role string

// The staff roles.
const (
	RoleAdmin      Role = "admin"
	RoleCounsellor Role = "counsellor"
	RoleSupervisor Role = "supervisor"
)

// Roles lists every role, in the order forms show them.
var Roles = []Role{RoleCounsellor, RoleSupervisor, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleCounsellor || r == RoleSupervisor }

// User is a staff account of one practice.
type User struct {
	ID            int64      `db:"id"`
	PracticeID    int64      `db:"practice_id"`
	Email         string     `db:"email"`
	DisplayName   string     `db:"display_name"`
	Role          Role       `db:"role"`
	PasswordHash  string     `db:"password_hash"`
	Active        bool       `db:"active"`
	CreatedAt     time.Time  `db:"created_at"`
	DeactivatedAt *time.Time `db:"deactivated_at"`
}

// NewUser is what creating an account needs.
type NewUser struct {
	Email        string
	DisplayName  string
	Role         Role
	PasswordHash string
}

// UserByEmail finds an account by email across all practices. It is the one unscoped
// user lookup, used by sign-in before the practice is known.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	var u User
	err := s.q.UserByEmail.GetContext(ctx, &u, strings.TrimSpace(email))
	return u, mapErr("user by email", err)
}

// User returns one account of the practice.
func (s *Store) User(ctx context.Context, practiceID, userID int64) (User, error) {
	var u User
	err := s.q.User.GetContext(ctx, &u, practiceID, userID)
	return u, mapErr("user", err)
}

// Users lists the practice's accounts, active first, then by name.
func (s *Store) Users(ctx context.Context, practiceID int64) ([]User, error) {
	var us []User
	err := s.q.Users.SelectContext(ctx, &us, practiceID)
	return us, mapErr("users", err)
}

// CreateUser adds an account to the practice; ErrConflict when the email is taken.
func (s *Store) CreateUser(ctx context.Context, practiceID int64, nu NewUser) (User, error) {
	var u User
	err := s.q.CreateUser.GetContext(ctx, &u, practiceID, strings.TrimSpace(nu.Email), nu.DisplayName, nu.Role, nu.PasswordHash)
	return u, mapErr("create user", err)
}

// DeactivateUser disables an account and ends all of its sessions in one transaction.
func (s *Store) DeactivateUser(ctx context.Context, practiceID, userID int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.DeactivateUser, practiceID, userID)
		if err := affected("deactivate user", res, err); err != nil {
			return err
		}
		_, err = txExec(ctx, tx, s.q.EndUserSessions, practiceID, userID)
		return mapErr("end sessions", err)
	})
}

// SetPassword replaces an account's password hash and ends its sessions, except keepToken's
// (the hash of the session making the change, if any).
func (s *Store) SetPassword(ctx context.Context, practiceID, userID int64, hash string, keepTokenHash []byte) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.SetPassword, practiceID, userID, hash)
		if err := affected("set password", res, err); err != nil {
			return err
		}
		_, err = txExec(ctx, tx, s.q.EndSessionsButOne, practiceID, userID, keepTokenHash)
		return mapErr("end sessions", err)
	})
}
