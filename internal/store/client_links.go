package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// ClientLink is a private link as stored: never its token, only the token's hash.
type ClientLink struct {
	ID           int64      `db:"id"`
	PracticeID   int64      `db:"practice_id"`
	ClientID     int64      `db:"client_id"`
	AssignmentID *int64     `db:"assignment_id"` // an older link issued for one homework, or
	CheckinID    *int64     `db:"checkin_id"`    // for one check-in; both nil: the client link
	ExpiresAt    time.Time  `db:"expires_at"`
	RevokedAt    *time.Time `db:"revoked_at"`
	PINSetAt     *time.Time `db:"pin_set_at"`    // when the client chose a PIN; nil: none yet
	PINLockedAt  *time.Time `db:"pin_locked_at"` // five wrong PINs; only a re-issue unlocks
}

// Live reports whether the link still opens the client's page at now.
func (l ClientLink) Live(now time.Time) bool { return l.RevokedAt == nil && now.Before(l.ExpiresAt) }

// LinkByTokenHash finds a link by the hash of its token. A client holds no account, so
// this lookup comes before any practice is known: the token's route (a coordinator table)
// gives the practice, then one practice's rows are read; the 256-bit token is the credential.
// A link with no route (issued by the previous release during a rolling deploy) is looked up
// by its hash alone.
func (s *Store) LinkByTokenHash(ctx context.Context, hash []byte) (ClientLink, error) {
	var l ClientLink
	var practiceID int64
	err := s.q.LinkRoute.GetContext(ctx, &practiceID, hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		err = s.q.LinkByHashUnrouted.GetContext(ctx, &l, hash)
	case err == nil:
		err = s.q.LinkByTokenHash.GetContext(ctx, &l, practiceID, hash)
	}
	return l, mapErr("link by token", err)
}

// ClientLinkByID returns one link of the practice (a client session keeps its id).
func (s *Store) ClientLinkByID(ctx context.Context, practiceID, linkID int64) (ClientLink, error) {
	var l ClientLink
	err := s.q.ClientLinkByID.GetContext(ctx, &l, practiceID, linkID)
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
	PINBeforeForms  bool   `db:"pin_before_forms"` // the practice asks for the PIN before any form
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
	err := s.q.ClientViewOf.GetContext(ctx, &v, practiceID, assignmentID)
	return v, mapErr("client view", err)
}

// CheckinClient returns what a check-in's client may see: how to greet them.
func (s *Store) CheckinClient(ctx context.Context, practiceID, checkinID int64) (Checkin, ClientView, error) {
	ck, err := s.CheckinByID(ctx, practiceID, checkinID)
	if err != nil {
		return ck, ClientView{}, err
	}
	var v ClientView
	err = s.q.CheckinClient.GetContext(ctx, &v, practiceID, ck.ClientID)
	return ck, v, mapErr("check-in client", err)
}

// LinkState is what the counsellor sees of a client's links: the client link, if live, and
// how many older links (one per homework or check-in, issued before one link per client)
// still open, and until when the last of them does.
type LinkState struct {
	Current    *ClientLink
	Older      int
	OlderUntil *time.Time
}

// ClientLinkState returns the client's live links as the counsellor sees them.
func (s *Store) ClientLinkState(ctx context.Context, practiceID, clientID int64) (LinkState, error) {
	var live []ClientLink
	err := s.q.ClientLinkState.SelectContext(ctx, &live, practiceID, clientID)
	return linkStateOf(live), mapErr("client link state", err)
}

// linkStateOf sums up a client's live links (client-link-state's rows).
func linkStateOf(live []ClientLink) LinkState {
	var st LinkState
	for i, l := range live {
		if l.AssignmentID == nil && l.CheckinID == nil {
			st.Current = &live[i]
			continue
		}
		st.Older++
		if st.OlderUntil == nil || l.ExpiresAt.After(*st.OlderUntil) {
			until := l.ExpiresAt
			st.OlderUntil = &until
		}
	}
	return st
}

// IssueClientLink ends every live link of the client (the client link and any older ones)
// and issues a new client link, in one transaction; it returns the new link's id and how
// many links it ended. audit, its detail completed by detail(id, ended), is written in the
// same transaction. ErrClientClosed for a discharged or archived client.
func (s *Store) IssueClientLink(ctx context.Context, practiceID, clientID, userID int64, link LinkInput, audit AuditEntry,
	detail func(id, ended int64) string) (id, ended int64, err error) {
	err = s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		if ended, err = s.revokeLinksOf(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		err := txGet(ctx, tx, s.q.IssueClientLink, &id, practiceID, clientID, link.TokenHash, link.ExpiresAt, userID)
		audit.Detail = detail(id, ended)
		if err != nil {
			return mapErr("issue client link", err)
		}
		if _, err := txExec(ctx, tx, s.q.RouteClientLink, link.TokenHash, practiceID); err != nil {
			return mapErr("route client link", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
	return id, ended, err
}

// RevokeClientLinks ends every live link of the client at once; it returns how many. When
// it ended any, audit (its detail completed by detail(ended)) is written in the same transaction.
func (s *Store) RevokeClientLinks(ctx context.Context, practiceID, clientID int64, audit AuditEntry, detail func(ended int64) string) (ended int64, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		ended, err = s.revokeLinksOf(ctx, tx, practiceID, clientID)
		if err != nil || ended == 0 {
			return err
		}
		if err := s.syncQueue(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		audit.Detail = detail(ended)
		if audit.Outcome == "" {
			audit.Outcome = OutcomeSuccess
		}
		return s.recordAudit(ctx, tx, practiceID, audit)
	})
	return ended, err
}

func (s *Store) revokeLinksOf(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64) (int64, error) {
	res, err := txExec(ctx, tx, s.q.RevokeLinksOf, practiceID, clientID)
	if err != nil {
		return 0, mapErr("revoke client links", err)
	}
	n, err := res.RowsAffected()
	return n, mapErr("revoke client links", err)
}

// ClientViewByClient returns what a client's own pages may show of them and their practice.
func (s *Store) ClientViewByClient(ctx context.Context, practiceID, clientID int64) (ClientView, error) {
	var v ClientView
	err := s.q.ClientViewByClient.GetContext(ctx, &v, practiceID, clientID)
	return v, mapErr("client view", err)
}

// LiveClientLinkID returns the id of the client's live client link.
func (s *Store) LiveClientLinkID(ctx context.Context, practiceID, clientID int64) (int64, error) {
	var id int64
	err := s.q.LiveClientLinkID.GetContext(ctx, &id, practiceID, clientID)
	return id, mapErr("live client link", err)
}
