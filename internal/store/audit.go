package store

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
)

// Audit outcomes.
const (
	OutcomeSuccess = "success"
	OutcomeFailure = "failure"
	OutcomeDenied  = "denied"
)

// AuditEntry is one event to append to the audit log. It never carries client data,
// tokens or passwords: entities are named by type and id.
type AuditEntry struct {
	ActorUserID int64  // 0 when nobody is signed in
	Action      string // e.g. "auth.login", "user.create"
	EntityType  string
	EntityID    string
	ClientID    int64 // 0 when no client is concerned
	IP          string
	RequestID   string
	Outcome     string
	Detail      string // short, non-identifying context (e.g. export filters)
}

// AuditRow is an audit entry as read back, with the actor's name.
type AuditRow struct {
	ID          int64          `db:"id"`
	OccurredAt  time.Time      `db:"occurred_at"`
	ActorUserID sql.NullInt64  `db:"actor_user_id"`
	ActorName   sql.NullString `db:"actor_name"`
	Action      string         `db:"action"`
	EntityType  string         `db:"entity_type"`
	EntityID    string         `db:"entity_id"`
	ClientID    sql.NullInt64  `db:"client_id"`
	IP          sql.NullString `db:"ip"`
	RequestID   string         `db:"request_id"`
	Outcome     string         `db:"outcome"`
	Detail      string         `db:"detail"`
}

// AuditFilter narrows the audit log page. Zero values do not filter.
type AuditFilter struct {
	Action  string // prefix, e.g. "auth." or "user.create"
	ActorID int64
	Outcome string
	From    time.Time // inclusive
	To      time.Time // exclusive
	Limit   int
	Offset  int
}

// RecordAudit appends an entry for practiceID. An entry of no practice (0, as for a failed
// sign-in with an unknown email) goes to audit_log_unscoped, so that every audit_log row has
// its practice (docs/scale-out.md); it names no actor and no client.
func (s *Store) RecordAudit(ctx context.Context, practiceID int64, e AuditEntry) error {
	if practiceID == 0 {
		_, err := s.q.RecordAuditUnscoped.ExecContext(ctx, unscopedAuditArgs(e)...)
		return mapErr("record audit", err)
	}
	_, err := s.q.RecordAudit.ExecContext(ctx, auditArgs(practiceID, e)...)
	return mapErr("record audit", err)
}

// recordAudit appends an entry inside tx, through the prepared record-audit statements.
func (s *Store) recordAudit(ctx context.Context, tx *sqlx.Tx, practiceID int64, e AuditEntry) error {
	if practiceID == 0 {
		_, err := txExec(ctx, tx, s.q.RecordAuditUnscoped, unscopedAuditArgs(e)...)
		return mapErr("record audit", err)
	}
	_, err := txExec(ctx, tx, s.q.RecordAudit, auditArgs(practiceID, e)...)
	return mapErr("record audit", err)
}

// unscopedAuditArgs are the parameters of the record-audit-unscoped query.
func unscopedAuditArgs(e AuditEntry) []any {
	return []any{e.Action, e.EntityType, e.EntityID, nullString(e.IP), e.RequestID, e.Outcome, e.Detail}
}

// auditArgs are the parameters of the record-audit query.
func auditArgs(practiceID int64, e AuditEntry) []any {
	return []any{nullID(practiceID), nullID(e.ActorUserID), e.Action, e.EntityType, e.EntityID, nullID(e.ClientID),
		nullString(e.IP), e.RequestID, e.Outcome, e.Detail}
}

// audited runs fn in a transaction and appends e in that same transaction before it
// commits: a change without its audit row cannot commit, and a failed audit insert rolls
// the change back. fn may complete e (the id of a row it created) before it is written.
func (s *Store) audited(ctx context.Context, practiceID int64, e *AuditEntry, fn func(tx *sqlx.Tx) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if e.Outcome == "" {
			e.Outcome = OutcomeSuccess
		}
		return s.recordAudit(ctx, tx, practiceID, *e)
	})
}

// withID names the row a change created, when the caller could not know its id.
func (e *AuditEntry) withID(id int64) {
	if e.EntityID == "" {
		e.EntityID = strconv.FormatInt(id, 10)
	}
}

// AuditLog returns one page of the practice's audit log, newest first, and the total count.
func (s *Store) AuditLog(ctx context.Context, practiceID int64, f AuditFilter) ([]AuditRow, int, error) {
	var rows []struct {
		AuditRow
		Total int `db:"total"`
	}
	err := s.q.AuditLog.SelectContext(ctx, &rows, practiceID, f.Action, f.ActorID, f.Outcome,
		nullTime(f.From), nullTime(f.To), f.Limit, f.Offset)
	if err != nil {
		return nil, 0, mapErr("audit log", err)
	}
	out := make([]AuditRow, len(rows))
	total := 0
	for i, r := range rows {
		out[i], total = r.AuditRow, r.Total
	}
	if len(rows) == 0 && f.Offset > 0 {
		// Past the last page: count separately so the pager can still say how many there are.
		_, total, err := s.AuditLog(ctx, practiceID, AuditFilter{Action: f.Action, ActorID: f.ActorID, Outcome: f.Outcome, From: f.From, To: f.To, Limit: 1})
		return out, total, err
	}
	return out, total, nil
}
