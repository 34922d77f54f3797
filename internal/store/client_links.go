package store

import (
	"context"
	"time"
)

// ClientLink is a private link as stored: never its token, only the token's hash.
type ClientLink struct {
	ID           int64      `db:"id"`
	PracticeID   int64      `db:"practice_id"`
	AssignmentID *int64     `db:"assignment_id"` // a homework link, or
	CheckinID    *int64     `db:"checkin_id"`    // a check-in link
	ExpiresAt    time.Time  `db:"expires_at"`
	RevokedAt    *time.Time `db:"revoked_at"`
	PINSetAt     *time.Time `db:"pin_set_at"`    // when the client chose a PIN; nil: none yet
	PINLockedAt  *time.Time `db:"pin_locked_at"` // five wrong PINs; only a re-issue unlocks
}

// Live reports whether the link still opens its assignment at now.
func (l ClientLink) Live(now time.Time) bool { return l.RevokedAt == nil && now.Before(l.ExpiresAt) }

// LinkByTokenHash finds a link by the hash of its token. A client holds no account, so
// this lookup comes before any practice is known: it is unscoped by design, and the
// 256-bit token is the credential.
func (s *Store) LinkByTokenHash(ctx context.Context, hash []byte) (ClientLink, error) {
	var l ClientLink
	err := s.db.GetContext(ctx, &l, `SELECT id, practice_id, assignment_id, checkin_id, expires_at, revoked_at, pin_set_at, pin_locked_at FROM client_links WHERE token_hash = $1`, hash)
	return l, mapErr("link by token", err)
}

// ClientLinkByID returns one link of the practice (a client session keeps its id).
func (s *Store) ClientLinkByID(ctx context.Context, practiceID, linkID int64) (ClientLink, error) {
	var l ClientLink
	err := s.db.GetContext(ctx, &l, `SELECT id, practice_id, assignment_id, checkin_id, expires_at, revoked_at, pin_set_at, pin_locked_at FROM client_links
		WHERE practice_id = $1 AND id = $2`, practiceID, linkID)
	return l, mapErr("link", err)
}

// ClientView is all a client's own pages may show: the assignment, how to address the
// client, and whether the practice may be named.
type ClientView struct {
	Assignment
	ClientFirstName string `db:"client_first_name"`
	PreferredName   string `db:"preferred_name"`
	NeutralMessages bool   `db:"neutral_messages"`
	PracticeName    string `db:"practice_name"`
	NameOnPages     bool   `db:"name_on_client_pages"`
	TimeZone        string `db:"time_zone"`
}

// CallName is how the client is greeted.
func (v ClientView) CallName() string {
	if v.PreferredName != "" {
		return v.PreferredName
	}
	return v.ClientFirstName
}

// ClientViewOf returns what the client of one assignment may see.
func (s *Store) ClientViewOf(ctx context.Context, practiceID, assignmentID int64) (ClientView, error) {
	var v ClientView
	err := s.db.GetContext(ctx, &v, `SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
			p.name AS practice_name, p.name_on_client_pages, p.time_zone, `+assignmentColumns+`
		JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		JOIN practices p ON p.id = a.practice_id
		WHERE a.practice_id = $1 AND a.id = $2`, practiceID, assignmentID)
	return v, mapErr("client view", err)
}

// LiveLinkID returns the id of an assignment's live link.
func (s *Store) LiveLinkID(ctx context.Context, practiceID, assignmentID int64) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM client_links WHERE practice_id = $1 AND assignment_id = $2 AND revoked_at IS NULL`,
		practiceID, assignmentID)
	return id, mapErr("live link", err)
}

// CheckinClient returns what a check-in's client may see: how to greet them.
func (s *Store) CheckinClient(ctx context.Context, practiceID, checkinID int64) (Checkin, ClientView, error) {
	ck, err := s.CheckinByID(ctx, practiceID, checkinID)
	if err != nil {
		return ck, ClientView{}, err
	}
	var v ClientView
	err = s.db.GetContext(ctx, &v, `SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
			p.name AS practice_name, p.name_on_client_pages, p.time_zone
		FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1 AND c.id = $2`, practiceID, ck.ClientID)
	return ck, v, mapErr("check-in client", err)
}
