package store

import (
	"context"
	"fmt"
	"strconv"
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
}

// Scope narrows client access: a counsellor sees only their own caseload.
type Scope struct {
	CounsellorID int64 // 0: the whole practice (an admin)
}

const clientColumns = `c.practice_id, c.id, c.code, c.counsellor_id, u.display_name AS counsellor_name,
	c.first_name, c.last_name, c.preferred_name, c.pronouns, c.date_of_birth, c.email, c.phone, c.format,
	c.status, c.contact_method, c.neutral_messages, c.safe_contact_note, c.archived_at, c.version,
	c.created_at, c.updated_at,
	EXISTS (SELECT 1 FROM risk_flags f WHERE f.practice_id = c.practice_id AND f.client_id = c.id AND f.cleared_at IS NULL) AS risk_flag_open`

const clientFrom = ` FROM clients c JOIN users u ON u.practice_id = c.practice_id AND u.id = c.counsellor_id `

// CreateClient adds a client with the practice's next client code, and its audit entry
// (naming the new client) in the same transaction.
func (s *Store) CreateClient(ctx context.Context, practiceID int64, in ClientInput, audit AuditEntry) (Client, error) {
	var id int64
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		var seq int
		if err := tx.GetContext(ctx, &seq, `UPDATE practices SET client_seq = client_seq + 1 WHERE id = $1 RETURNING client_seq`, practiceID); err != nil {
			return mapErr("next client code", err)
		}
		err := tx.GetContext(ctx, &id, `INSERT INTO clients (practice_id, code, counsellor_id, first_name, last_name, preferred_name,
				pronouns, date_of_birth, email, phone, format, contact_method, neutral_messages, safe_contact_note)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			practiceID, fmt.Sprintf("SB-%04d", seq), in.CounsellorID, in.FirstName, in.LastName, in.PreferredName, in.Pronouns,
			in.DateOfBirth, in.Email, in.Phone, in.Format, in.ContactMethod, in.NeutralMessages, in.SafeContactNote)
		audit.withID(id)
		if audit.ClientID == 0 {
			audit.ClientID = id
		}
		return mapErr("create client", err)
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
	err := s.db.GetContext(ctx, &c, `SELECT `+clientColumns+clientFrom+`
		WHERE c.practice_id = $1 AND c.id = $2 AND ($3 = 0 OR c.counsellor_id = $3)`, practiceID, clientID, scope.CounsellorID)
	return c, mapErr("client", err)
}

// UpdateClient saves an edit made from version; ErrConflict when someone saved in between.
func (s *Store) UpdateClient(ctx context.Context, practiceID, clientID int64, version int, in ClientInput, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		return updateClient(ctx, tx, practiceID, clientID, version, in)
	})
}

// updateClient saves an edit made from version within tx.
func updateClient(ctx context.Context, tx *sqlx.Tx, practiceID, clientID int64, version int, in ClientInput) error {
	res, err := tx.ExecContext(ctx, `UPDATE clients SET first_name = $4, last_name = $5, preferred_name = $6, pronouns = $7,
			date_of_birth = $8, email = $9, phone = $10, format = $11, contact_method = $12, neutral_messages = $13,
			safe_contact_note = $14, version = version + 1, updated_at = now()
		WHERE practice_id = $1 AND id = $2 AND version = $3`,
		practiceID, clientID, version, in.FirstName, in.LastName, in.PreferredName, in.Pronouns, in.DateOfBirth,
		in.Email, in.Phone, in.Format, in.ContactMethod, in.NeutralMessages, in.SafeContactNote)
	if err := affected("update client", res, err); err != ErrNotFound {
		return err
	}
	return ErrConflict
}

// SetClientStatus moves a client to a new status if it is still in one of from, noting
// when a discharge happened (the start of the retention period). Discharging a client revokes all of their private links in the same transaction.
func (s *Store) SetClientStatus(ctx context.Context, practiceID, clientID int64, from []string, to string, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE clients SET status = $3, version = version + 1, updated_at = now(),
				discharged_at = CASE WHEN $3 = 'discharged' THEN now() END
			WHERE practice_id = $1 AND id = $2 AND status = ANY($4)`, practiceID, clientID, to, stringArray(from))
		if err := affected("set client status", res, err); err != nil {
			return err
		}
		if to == "discharged" {
			return revokeClientLinks(ctx, tx, practiceID, clientID)
		}
		return nil
	})
}

// SetClientArchived archives (only a discharged client) or restores a client.
func (s *Store) SetClientArchived(ctx context.Context, practiceID, clientID int64, archived bool, audit AuditEntry) error {
	q := `UPDATE clients SET archived_at = now(), version = version + 1, updated_at = now()
		WHERE practice_id = $1 AND id = $2 AND archived_at IS NULL AND status = 'discharged'`
	if !archived {
		q = `UPDATE clients SET archived_at = NULL, version = version + 1, updated_at = now()
		WHERE practice_id = $1 AND id = $2 AND archived_at IS NOT NULL`
	}
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, q, practiceID, clientID)
		return affected("archive client", res, err)
	})
}

// ReassignClient gives the client to another active counsellor of the practice.
func (s *Store) ReassignClient(ctx context.Context, practiceID, clientID, counsellorID int64, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE clients c SET counsellor_id = $3, version = version + 1, updated_at = now()
			FROM users u WHERE c.practice_id = $1 AND c.id = $2
			AND u.practice_id = $1 AND u.id = $3 AND u.role = 'counsellor' AND u.active`, practiceID, clientID, counsellorID)
		return affected("reassign client", res, err)
	})
}

// Counsellors lists the practice's active counsellors, for assignment.
func (s *Store) Counsellors(ctx context.Context, practiceID int64) ([]User, error) {
	var us []User
	err := s.db.SelectContext(ctx, &us, `SELECT `+userColumns+` FROM users
		WHERE practice_id = $1 AND role = 'counsellor' AND active ORDER BY lower(display_name), id`, practiceID)
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

// ClientSorts maps the caseload's sort keys to SQL; nothing else can reach ORDER BY.
func ClientSorts() map[string]string {
	return map[string]string{
		"name":    "lower(c.last_name), lower(c.first_name)",
		"code":    "c.code",
		"status":  "c.status",
		"updated": "c.updated_at",
		"next":    "next_appointment",
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
	where := []string{"c.practice_id = $1"}
	args := []any{practiceID}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.CounsellorID != 0 {
		add("c.counsellor_id = ?", f.CounsellorID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		add(`(c.code ILIKE '%' || ? || '%' OR (c.first_name || ' ' || c.last_name || ' ' || c.preferred_name) ILIKE '%' || ? || '%')`, likeEscape(q))
	}
	if f.Status != "" {
		add("c.status = ?", f.Status)
	}
	if f.Format != "" {
		add("c.format = ?", f.Format)
	}
	if f.Archived {
		where = append(where, "c.archived_at IS NOT NULL")
	} else {
		where = append(where, "c.archived_at IS NULL")
	}
	order, ok := ClientSorts()[f.Sort]
	if !ok {
		order = ClientSorts()["name"]
	}
	dir := " ASC NULLS LAST"
	if f.Desc {
		dir = " DESC NULLS LAST"
	}
	args = append(args, f.Limit, f.Offset)
	query := `SELECT ` + clientColumns + `,
			(SELECT min(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
				AND a.status = 'scheduled' AND a.starts_at >= now()) AS next_appointment,
			(SELECT max(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
				AND a.status = 'attended') AS last_attended,
			count(*) OVER () AS total` + clientFrom + `
		WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY ` + strings.ReplaceAll(order, ", ", dir+", ") + dir + `, c.id
		LIMIT $` + strconv.Itoa(len(args)-1) + ` OFFSET $` + strconv.Itoa(len(args))
	var rows []struct {
		CaseloadRow
		Total int `db:"total"`
	}
	if err := s.db.SelectContext(ctx, &rows, query, args...); err != nil {
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
