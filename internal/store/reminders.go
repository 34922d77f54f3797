package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// ErrAlreadyReminded means the client already had their reminder that day.
var ErrAlreadyReminded = errors.New("store: already reminded that day")

// ReminderPractice is a practice as the reminder scan walks them.
type ReminderPractice struct {
	ID       int64  `db:"id"`
	TimeZone string `db:"time_zone"`
}

// ReminderCandidate is a client who may be reminded today, with their contact hours.
type ReminderCandidate struct {
	ClientID     int64 `db:"id"`
	ContactFrom  int   `db:"contact_from"`
	ContactUntil int   `db:"contact_until"`
}

// ReminderContact is what deciding and sending one reminder needs: the client's safe-contact
// preferences and their practice's settings. Email is used only to send, never logged.
type ReminderContact struct {
	PracticeID       int64  `db:"practice_id"`
	ClientID         int64  `db:"client_id"`
	CounsellorID     int64  `db:"counsellor_id"`
	Email            string `db:"email"`
	ContactMethod    string `db:"contact_method"`
	NoMessages       bool   `db:"no_messages"`
	ContactFrom      int    `db:"contact_from"`
	ContactUntil     int    `db:"contact_until"`
	Status           string `db:"status"`
	Archived         bool   `db:"archived"`
	TimeZone         string `db:"time_zone"`
	LinksInReminders bool   `db:"links_in_reminders"`
}

// ReminderSend is one day's reminder as recorded.
type ReminderSend struct {
	LocalDay time.Time `db:"local_day"`
	Forms    int       `db:"forms"`
	SentAt   time.Time `db:"sent_at"`
}

// ReminderPractices lists every practice with its time zone.
func (s *Store) ReminderPractices(ctx context.Context) ([]ReminderPractice, error) {
	var ps []ReminderPractice
	err := s.q.ReminderPractices.SelectContext(ctx, &ps)
	return ps, mapErr("reminder practices", err)
}

// ReminderCandidates lists the practice's open clients who chose email, have an address,
// did not ask for no messages, and had no reminder on day (the practice's date).
func (s *Store) ReminderCandidates(ctx context.Context, practiceID int64, day time.Time) ([]ReminderCandidate, error) {
	var cs []ReminderCandidate
	err := s.q.ReminderCandidates.SelectContext(ctx, &cs, practiceID, day.Format(time.DateOnly))
	return cs, mapErr("reminder candidates", err)
}

// ReminderContactOf reads one client's preferences for a reminder.
func (s *Store) ReminderContactOf(ctx context.Context, practiceID, clientID int64) (ReminderContact, error) {
	var c ReminderContact
	err := s.q.ReminderContact.GetContext(ctx, &c, practiceID, clientID)
	return c, mapErr("reminder contact", err)
}

// DueFormCount counts the forms the client's page lists as waiting on day today: the
// check-ins DueCheckins lists (the plan's, made when due, as well as those asked for by hand)
// and homework with a day to fill in. Reminders are written against this count.
func (s *Store) DueFormCount(ctx context.Context, practiceID, clientID int64, today time.Time) (int, error) {
	cks, err := s.DueCheckins(ctx, practiceID, clientID, today)
	if err != nil {
		return 0, err
	}
	n := len(cks)
	due, err := s.DueAssignments(ctx, practiceID, clientID, today)
	if err != nil {
		return 0, err
	}
	for _, a := range due {
		if !today.Before(a.StartDate) {
			n++
		}
	}
	return n, nil
}

// ReminderLink is a new client link a reminder carries, issued in the name of the client's
// counsellor; it ends the client's older links, as any new link does.
type ReminderLink struct {
	Link     LinkInput
	IssuedBy int64
}

// SendReminderOnce records the client's reminder of day with its audit row, issues link
// (when not nil) with its own audit row, and calls send inside the same transaction: when
// send fails nothing is recorded and no link changes (so a retry may send), and a second
// sender for the same client waits on the first (the client's row is locked first) and then
// gets ErrAlreadyReminded. ErrClientClosed for a discharged or archived client.
func (s *Store) SendReminderOnce(ctx context.Context, practiceID, clientID int64, day time.Time, forms int, now time.Time,
	link *ReminderLink, e AuditEntry, send func(ctx context.Context) error) error {
	return s.audited(ctx, practiceID, &e, func(tx *sqlx.Tx) error {
		if err := s.lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		res, err := txExec(ctx, tx, s.q.InsertReminderSend, practiceID, clientID, day.Format(time.DateOnly), forms, now)
		if err != nil {
			return mapErr("record reminder", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return ErrAlreadyReminded
		}
		if link != nil {
			if err := s.issueReminderLink(ctx, tx, practiceID, clientID, *link, e); err != nil {
				return err
			}
		}
		if err := send(ctx); err != nil {
			return fmt.Errorf("send reminder: %w", err)
		}
		return nil
	})
}

// issueReminderLink ends the client's live links and issues link within tx, with its audit row.
func (s *Store) issueReminderLink(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, link ReminderLink, e AuditEntry) error {
	ended, err := s.revokeLinksOf(ctx, tx, practiceID, clientID)
	if err != nil {
		return err
	}
	var id int64
	if err := txGet(ctx, tx, s.q.IssueClientLink, &id, practiceID, clientID, link.Link.TokenHash, link.Link.ExpiresAt, link.IssuedBy); err != nil {
		return mapErr("issue client link", err)
	}
	if err := s.syncQueue(ctx, tx, practiceID, clientID); err != nil {
		return err
	}
	return s.recordAudit(ctx, tx, practiceID, AuditEntry{Action: "link.issue", EntityType: "client", EntityID: e.EntityID,
		ClientID: clientID, Outcome: OutcomeSuccess, Detail: fmt.Sprintf("link=%d; by a reminder; ended %d live links", id, ended)})
}

// ReminderSends lists the days the client was reminded, latest first.
func (s *Store) ReminderSends(ctx context.Context, practiceID, clientID int64) ([]ReminderSend, error) {
	var rs []ReminderSend
	err := s.q.ReminderSends.SelectContext(ctx, &rs, practiceID, clientID)
	return rs, mapErr("reminder sends", err)
}
