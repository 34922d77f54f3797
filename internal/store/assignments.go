package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// Assignment is homework given to a client, with the template exactly as it was given.
type Assignment struct {
	ID            int64      `db:"id"`
	ClientID      int64      `db:"client_id"`
	TemplateRef   string     `db:"template_ref"`
	Title         string     `db:"title"`
	Template      []byte     `db:"template"`
	Instructions  string     `db:"instructions"`
	StartDate     time.Time  `db:"start_date"`
	DueDate       time.Time  `db:"due_date"`
	Cadence       string     `db:"cadence"`
	GoalID        *int64     `db:"goal_id"`
	GoalField     string     `db:"goal_field"`
	RevokedAt     *time.Time `db:"revoked_at"`
	CreatedAt     time.Time  `db:"created_at"`
	Submitted     int        `db:"submitted"`
	Reviewed      int        `db:"reviewed"`
	Drafts        int        `db:"drafts"`
	LinkExpiresAt *time.Time `db:"link_expires_at"` // of the client's live link that opens it, if any
}

// AssignmentInput is what assigning homework sets.
type AssignmentInput struct {
	TemplateRef  string
	Title        string
	Template     []byte
	Instructions string
	StartDate    time.Time
	DueDate      time.Time
	Cadence      string
	GoalID       *int64
	GoalField    string
	RequestKey   string // from the form: a second submission of the same form assigns nothing
}

// LinkInput is a new private link: only the token's hash is stored.
type LinkInput struct {
	TokenHash []byte
	ExpiresAt time.Time
}

// ErrClientClosed means the client is discharged or archived: no new homework or links.
var ErrClientClosed = errors.New("client discharged or archived")

// CreateAssignment gives homework to a client: the client's link shows it from now on.
// A repeat of the same form (same request key) returns the first assignment's id with
// ErrConflict; a discharged or archived client gets ErrClientClosed.
func (s *Store) CreateAssignment(ctx context.Context, practiceID, clientID, userID int64, in AssignmentInput, audit AuditEntry) (int64, error) {
	var id int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.lockOpenClient(ctx, tx, practiceID, clientID); err != nil {
			return err
		}
		err := txGet(ctx, tx, s.q.InsertAssignment, &id, practiceID, clientID, in.TemplateRef, in.Title, in.Template, in.Instructions, in.StartDate, in.DueDate, in.Cadence, in.GoalID, in.GoalField, in.RequestKey, userID)
		if errors.Is(err, sql.ErrNoRows) {
			if err := txGet(ctx, tx, s.q.AssignmentByRequestKey, &id, practiceID, userID, in.RequestKey); err != nil {
				return mapErr("find repeated assignment", err)
			}
			return ErrConflict
		}
		audit.withID(id)
		if err != nil {
			return mapErr("create assignment", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
	return id, err
}

// lockOpenClient locks the client's row and refuses a discharged or archived client, so a
// discharge and a new link cannot cross.
func (s *Store) lockOpenClient(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64) error {
	var open bool
	err := txGet(ctx, tx, s.q.LockOpenClient, &open, practiceID, clientID)
	if err != nil {
		return mapErr("lock client", err)
	}
	if !open {
		return ErrClientClosed
	}
	return nil
}

// Assignment returns one of the client's assignments with its entry counts.
func (s *Store) Assignment(ctx context.Context, practiceID, clientID, assignmentID int64) (Assignment, error) {
	var a Assignment
	err := s.q.Assignment.GetContext(ctx, &a, practiceID, clientID, assignmentID)
	return a, mapErr("assignment", err)
}

// Assignments lists the client's assignments, newest first, with their entry counts. The
// list leaves each assignment's Template out (nil): only one assignment's page shows it.
func (s *Store) Assignments(ctx context.Context, practiceID, clientID int64) ([]Assignment, error) {
	var as []Assignment
	err := s.q.Assignments.SelectContext(ctx, &as, practiceID, clientID)
	return as, mapErr("assignments", err)
}

// RevokeAssignment marks the assignment revoked (the client's page no longer shows it) and
// kills any older link issued for it alone.
func (s *Store) RevokeAssignment(ctx context.Context, practiceID, clientID, assignmentID int64, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.RevokeAssignment, practiceID, clientID, assignmentID)
		if err := affected("revoke assignment", res, err); err != nil {
			return err
		}
		if _, err = txExec(ctx, tx, s.q.RevokeAssignmentLinks, practiceID, assignmentID); err != nil {
			return mapErr("revoke link", err)
		}
		return s.syncQueue(ctx, tx, practiceID, clientID)
	})
}

// revokeClientLinks kills every live link of a client, its homework and check-ins (on discharge).
func (s *Store) revokeClientLinks(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64) error {
	if _, err := s.revokeLinksOf(ctx, tx, practiceID, clientID); err != nil {
		return err
	}
	if _, err := txExec(ctx, tx, s.q.RevokeOpenCheckins, practiceID, clientID); err != nil {
		return mapErr("revoke client check-ins", err)
	}
	_, err := txExec(ctx, tx, s.q.RevokeClientAssignments, practiceID, clientID)
	return mapErr("revoke client assignments", err)
}
