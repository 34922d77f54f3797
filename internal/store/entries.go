package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"reflect"
	"time"

	"github.com/jmoiron/sqlx"
)

// Entry is one day's (or the one) answer to an assignment.
type Entry struct {
	ID             int64      `db:"id"`
	AssignmentID   int64      `db:"assignment_id"`
	EntryDate      time.Time  `db:"entry_date"`
	Answers        []byte     `db:"answers"`
	Status         string     `db:"status"`
	IdempotencyKey string     `db:"idempotency_key"`
	SubmittedAt    *time.Time `db:"submitted_at"`
	ReviewedAt     *time.Time `db:"reviewed_at"`
	Reply          string     `db:"reply"`
}

// EntryInput is a client's save: a draft or a submission.
type EntryInput struct {
	Date           time.Time
	Answers        []byte
	Submit         bool
	IdempotencyKey string
	Reading        *float64   // the linked goal field's value, for a submission
	ReadingDate    time.Time  // the day the reading is for (the day a once-only entry was sent)
	Audit          AuditEntry // written in the same transaction when the entry changes
}

// ErrAlreadySubmitted means the entry for that day was already sent with another form.
var ErrAlreadySubmitted = errors.New("entry already submitted")

// ErrLinkNotLive means the link was revoked or expired while the client was answering.
var ErrLinkNotLive = errors.New("link no longer live")

// Entries lists an assignment's entries, oldest first.
func (s *Store) Entries(ctx context.Context, practiceID, assignmentID int64) ([]Entry, error) {
	var es []Entry
	err := s.q.Entries.SelectContext(ctx, &es, practiceID, assignmentID)
	return es, mapErr("entries", err)
}

// SaveEntry saves a draft or submits an entry, exactly once per assignment and day. A retry
// of the same form (same idempotency key) after success changes nothing and succeeds; a
// different form for a day already submitted gets ErrAlreadySubmitted. A submission of an
// assignment linked to a goal also records the goal reading, in the same transaction.
// changed is false for such a retry.
func (s *Store) SaveEntry(ctx context.Context, practiceID, linkID int64, a Assignment, in EntryInput) (changed bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Lock the assignment through the client's live link: saves of one assignment queue
		// here (so two first saves of a day cannot race), and a revocation of the link or the
		// assignment cannot slip in between.
		var locked int64
		err := txGet(ctx, tx, s.q.EntryAssignmentForLink, &locked, practiceID, a.ID, linkID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrLinkNotLive
		}
		if err != nil {
			return mapErr("lock assignment", err)
		}
		var existing Entry
		err = txGet(ctx, tx, s.q.LockEntryOfDay, &existing, practiceID, a.ID, in.Date)
		switch {
		case err == nil && existing.Status == "submitted":
			if existing.IdempotencyKey == in.IdempotencyKey && sameJSON(existing.Answers, in.Answers) {
				return nil // a retried or double-clicked submission: already done, nothing changes
			}
			return ErrAlreadySubmitted
		case err == nil:
			_, err = txExec(ctx, tx, s.q.UpdateEntry, practiceID, existing.ID, in.Answers, entryStatus(in.Submit), in.IdempotencyKey)
			if err != nil {
				return mapErr("update entry", err)
			}
		default:
			if mapErr("", err) != ErrNotFound {
				return mapErr("find entry", err)
			}
			err = txGet(ctx, tx, s.q.InsertEntry, &existing.ID, practiceID, a.ID, a.ClientID, in.Date, in.Answers, entryStatus(in.Submit), in.IdempotencyKey)
			if mapErr("", err) == ErrNotFound {
				return ErrAlreadySubmitted // a concurrent save of the same day won; the client retries
			}
			if err != nil {
				return mapErr("insert entry", err)
			}
		}
		changed = true
		if _, err := txExec(ctx, tx, s.q.RecountAssignment, practiceID, a.ID); err != nil {
			return mapErr("recount entries", err)
		}
		if in.Audit.Outcome == "" {
			in.Audit.Outcome = OutcomeSuccess
		}
		if err := s.recordAudit(ctx, tx, practiceID, in.Audit); err != nil {
			return err
		}
		if in.Submit && a.GoalID != nil && in.Reading != nil {
			readingDate := in.ReadingDate
			if readingDate.IsZero() {
				readingDate = in.Date
			}
			_, err = txExec(ctx, tx, s.q.InsertHomeworkReading, practiceID, *a.GoalID, readingDate, *in.Reading, existing.ID)
			if err != nil {
				return mapErr("goal reading from entry", err)
			}
		}
		return s.syncQueue(ctx, tx, practiceID, a.ClientID)
	})
	return changed, err
}

// sameJSON reports whether two JSON documents hold the same value.
func sameJSON(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

func entryStatus(submit bool) string {
	if submit {
		return "submitted"
	}
	return "draft"
}

// ReviewEntry marks a submitted entry reviewed, with an optional reply the client sees.
// The assignment is locked first, as SaveEntry and a client's deletion lock it before its
// entries: its kept counts are recounted after the entry changes, and one order everywhere
// rules out a deadlock between a review and a resubmission.
func (s *Store) ReviewEntry(ctx context.Context, practiceID, assignmentID, entryID, userID int64, reply string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var clientID int64
		if err := txGet(ctx, tx, s.q.LockAssignmentForReview, &clientID, practiceID, assignmentID); err != nil {
			return mapErr("lock assignment", err)
		}
		res, err := txExec(ctx, tx, s.q.ReviewEntry, practiceID, assignmentID, entryID, userID, reply)
		if err := affected("review entry", res, err); err != nil {
			return err
		}
		if _, err = txExec(ctx, tx, s.q.RecountAssignment, practiceID, assignmentID); err != nil {
			return mapErr("recount entries", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}
