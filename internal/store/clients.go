package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Client is a person in counselling. Identity travels only where it must; elsewhere
// the per-practice Code (e.g. SB-0042) stands in for it.
type Client struct {
	PracticeID      int64      `db:"practice_id"`
	ID              int64      `db:"id"`
	Code            string     `db:"code"`
	CounsellorID    int64      `db:"counsellor_id"`
	CounsellorName  string     `db:"counsellor_name"`
	FirstName       string     `db:"first_name"`
	LastName        string     `db:"last_name"`
	PreferredName   string     `db:"preferred_name"`
	Pronouns        string     `db:"pronouns"`
	DateOfBirth     *time.Time `db:"date_of_birth"`
	Email           string     `db:"email"`
	Phone           string     `db:"phone"`
	Format          string     `db:"format"`
	Status          string     `db:"status"`
	ContactMethod   string     `db:"contact_method"`
	NeutralMessages bool       `db:"neutral_messages"`
	SafeContactNote string     `db:"safe_contact_note"`
	ContactFrom     int        `db:"contact_from"`  // contact hours, practice time: from this hour
	ContactUntil    int        `db:"contact_until"` // until this hour
	NoMessages      bool       `db:"no_messages"`   // the client asked for no messages at all
	ArchivedAt      *time.Time `db:"archived_at"`
	Version         int        `db:"version"`
	CreatedAt       time.Time  `db:"created_at"`
	UpdatedAt       time.Time  `db:"updated_at"`
	RiskFlagOpen    bool       `db:"risk_flag_open"`
}

// CallName is how the client is addressed: the preferred name, else the first name.
func (c Client) CallName() string {
	if c.PreferredName != "" {
		return c.PreferredName
	}
	return c.FirstName
}

// ClientInput is what adding or editing a client sets.
type ClientInput struct {
	CounsellorID    int64
	FirstName       string
	LastName        string
	PreferredName   string
	Pronouns        string
	DateOfBirth     *time.Time
	Email           string
	Phone           string
	Format          string
	ContactMethod   string
	NeutralMessages bool
	SafeContactNote string
	// Today is the day the client is added, in the practice's time zone: the practice's
	// default plan starts on it (zero: no default plan is applied).
	Today        time.Time
	ContactFrom  int  // contact hours (practice time), from this hour; with ContactUntil 0, 9 to 18
	ContactUntil int  // until this hour (1 to 24)
	NoMessages   bool // no messages at all, whatever else is chosen
}

// contactHours are the hours to store: 9 to 18 when none were given.
func (in ClientInput) contactHours() (from, until int) {
	if in.ContactUntil == 0 {
		return 9, 18
	}
	return in.ContactFrom, in.ContactUntil
}

// Scope narrows client access: a counsellor sees only their own caseload.
type Scope struct {
	CounsellorID int64 // 0: the whole practice (an admin)
}

// CreateClient adds a client with the practice's next client code, and its audit entry
// (naming the new client) in the same transaction.
func (s *Store) CreateClient(ctx context.Context, practiceID int64, in ClientInput, audit AuditEntry) (Client, error) {
	var id int64
	from, until := in.contactHours()
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var seq int
		if err := txGet(ctx, tx, s.q.NextClientSeq, &seq, practiceID); err != nil {
			return mapErr("next client code", err)
		}
		err := txGet(ctx, tx, s.q.InsertClient, &id, practiceID, fmt.Sprintf("SB-%04d", seq), in.CounsellorID, in.FirstName, in.LastName, in.PreferredName, in.Pronouns, in.DateOfBirth, in.Email, in.Phone, in.Format, in.ContactMethod, in.NeutralMessages, in.SafeContactNote, from, until, in.NoMessages)
		audit.withID(id)
		if audit.ClientID == 0 {
			audit.ClientID = id
		}
		if err != nil || in.Today.IsZero() {
			return mapErr("create client", err)
		}
		return s.applyDefaultPlan(ctx, tx, practiceID, id, in.CounsellorID, in.Today)
	})
	if err != nil {
		return Client{}, err
	}
	return s.Client(ctx, practiceID, Scope{}, id)
}

// Client returns one client of the practice within scope; ErrNotFound outside it, so a
// counsellor cannot tell another counsellor's client from no client.
func (s *Store) Client(ctx context.Context, practiceID int64, scope Scope, clientID int64) (Client, error) {
	var c Client
	err := s.q.ClientByID.GetContext(ctx, &c, practiceID, clientID, scope.CounsellorID)
	return c, mapErr("client", err)
}

// UpdateClient saves an edit made from version; ErrConflict when someone saved in between.
func (s *Store) UpdateClient(ctx context.Context, practiceID, clientID int64, version int, in ClientInput, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		return s.updateClient(ctx, tx, practiceID, clientID, version, in)
	})
}

// updateClient saves an edit made from version within tx.
func (s *Store) updateClient(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, version int, in ClientInput) error {
	from, until := in.contactHours()
	res, err := txExec(ctx, tx, s.q.UpdateClient, practiceID, clientID, version, in.FirstName, in.LastName, in.PreferredName, in.Pronouns, in.DateOfBirth, in.Email, in.Phone, in.Format, in.ContactMethod, in.NeutralMessages, in.SafeContactNote, from, until, in.NoMessages)
	if err := affected("update client", res, err); err != ErrNotFound {
		return err
	}
	return ErrConflict
}

// SetClientStatus is SetClientStatusOn on today's date in UTC (the seeding of the demo).
func (s *Store) SetClientStatus(ctx context.Context, practiceID, clientID int64, from []string, to string, audit AuditEntry) error {
	return s.SetClientStatusOn(ctx, practiceID, clientID, from, to, time.Now().UTC().Truncate(24*time.Hour), audit)
}

// SetClientStatusOn moves a client to a new status on today (the practice's date) if it is
// still in one of from, noting when a discharge happened (the start of the retention period).
// The client's measurement plan follows: paused with the client, ended at discharge.
// Discharging a client revokes all of their private links in the same transaction.
func (s *Store) SetClientStatusOn(ctx context.Context, practiceID, clientID int64, from []string, to string, today time.Time, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		if err := s.planFollowsStatus(ctx, tx, practiceID, clientID, to, today); err != nil {
			return err
		}
		res, err := txExec(ctx, tx, s.q.SetClientStatus, practiceID, clientID, to, stringArray(from))
		if err := affected("set client status", res, err); err != nil {
			return err
		}
		if to == "discharged" {
			if err := s.revokeClientLinks(ctx, tx, practiceID, clientID); err != nil {
				return err
			}
		}
		return s.syncQueue(ctx, tx, practiceID, clientID) // a plan may have made check-ins
	})
}

// SetClientArchived archives (only a discharged client) or restores a client.
func (s *Store) SetClientArchived(ctx context.Context, practiceID, clientID int64, archived bool, audit AuditEntry) error {
	st := s.q.ArchiveClient
	if !archived {
		st = s.q.RestoreClient
	}
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, st, practiceID, clientID)
		return affected("archive client", res, err)
	})
}

// ReassignClient gives the client to another active counsellor of the practice.
func (s *Store) ReassignClient(ctx context.Context, practiceID, clientID, counsellorID int64, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.ReassignClient, practiceID, clientID, counsellorID)
		if err := affected("reassign client", res, err); err != nil {
			return err
		}
		return s.syncQueue(ctx, tx, practiceID, clientID) // the open items move to the new counsellor
	})
}

// Counsellors lists the practice's active counsellors, for assignment.
func (s *Store) Counsellors(ctx context.Context, practiceID int64) ([]User, error) {
	var us []User
	err := s.q.Counsellors.SelectContext(ctx, &us, practiceID)
	return us, mapErr("counsellors", err)
}

// ClientFilter narrows and orders the caseload.
type ClientFilter struct {
	Scope
	Query    string // part of a name or code
	Status   string
	Format   string
	Archived bool // show archived clients instead of current ones
	Sort     string
	Desc     bool
	Limit    int
	Offset   int
}

// ClientSorts names the caseload's sort keys, each with the order it gives (the caseload query
// orders by the key); nothing else can reach ORDER BY.
func ClientSorts() map[string]string {
	return map[string]string{
		"name":    "last name, then first name",
		"code":    "client code",
		"status":  "status",
		"updated": "last change",
		"next":    "next appointment",
	}
}

// CaseloadRow is one line of the caseload page.
type CaseloadRow struct {
	Client
	NextAppointment *time.Time `db:"next_appointment"`
	LastAttended    *time.Time `db:"last_attended"`
}

// Caseload returns one page of clients and the total matching, in one query.
func (s *Store) Caseload(ctx context.Context, practiceID int64, f ClientFilter) ([]CaseloadRow, int, error) {
	sort := f.Sort
	if _, ok := ClientSorts()[sort]; !ok {
		sort = "name"
	}
	var rows []struct {
		CaseloadRow
		Total int `db:"total"`
	}
	err := s.q.Caseload.SelectContext(ctx, &rows, practiceID, f.CounsellorID, likeEscape(strings.TrimSpace(f.Query)),
		f.Status, f.Format, f.Archived, sort, f.Desc, f.Limit, f.Offset)
	if err != nil {
		return nil, 0, mapErr("caseload", err)
	}
	out := make([]CaseloadRow, len(rows))
	total := 0
	for i, r := range rows {
		out[i], total = r.CaseloadRow, r.Total
	}
	return out, total, nil
}

// likeEscape makes % and _ in a search term match themselves.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
