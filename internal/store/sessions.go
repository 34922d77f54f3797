package store

import (
	"context"
	"time"
)

// SessionRow is one stored sign-in session, keyed by the SHA-256 of its token.
type SessionRow struct {
	TokenHash  []byte
	Data       []byte
	Expiry     time.Time
	PracticeID int64 // 0 before sign-in
	UserID     int64 // 0 before sign-in
}

// FindSession returns the data of an unexpired session. Sessions are looked up by the
// hash of a secret token before any practice is known, so this is unscoped by design.
func (s *Store) FindSession(ctx context.Context, tokenHash []byte) ([]byte, error) {
	var data []byte
	err := s.q.FindSession.GetContext(ctx, &data, tokenHash)
	return data, mapErr("find session", err)
}

// SaveSession inserts or replaces a session.
func (s *Store) SaveSession(ctx context.Context, r SessionRow) error {
	_, err := s.q.SaveSession.ExecContext(ctx, r.TokenHash, r.Data, r.Expiry, nullID(r.PracticeID), nullID(r.UserID))
	return mapErr("save session", err)
}

// DeleteSession removes one session; removing a missing one is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash []byte) error {
	_, err := s.q.DeleteSession.ExecContext(ctx, tokenHash)
	return mapErr("delete session", err)
}

// CountUserSessions counts a user's unexpired sessions.
func (s *Store) CountUserSessions(ctx context.Context, practiceID, userID int64) (int, error) {
	var n int
	err := s.q.CountUserSessions.GetContext(ctx, &n, practiceID, userID)
	return n, mapErr("count sessions", err)
}

// DeleteExpiredSessions removes sessions past their expiry and returns how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.q.DeleteExpiredSessions.ExecContext(ctx)
	if err != nil {
		return 0, mapErr("delete expired sessions", err)
	}
	return res.RowsAffected()
}
