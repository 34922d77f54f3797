package web

import (
	"context"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// audit appends an entry for the signed-in user's practice, filling in the actor, IP and
// request id. Callers return its error: an action that cannot be audited does not happen.
func (s *Server) audit(c echo.Context, e store.AuditEntry) error {
	var practiceID int64
	if u := currentUser(c); u != nil {
		practiceID = u.PracticeID
		if e.ActorUserID == 0 {
			e.ActorUserID = u.ID
		}
	}
	return s.auditFor(c, practiceID, e)
}

// auditFor appends an entry for an explicit practice (sign-in, before anyone is current).
func (s *Server) auditFor(c echo.Context, practiceID int64, e store.AuditEntry) error {
	// Not the request's context: an audit row must be written even when the client has gone.
	return s.store.RecordAudit(context.WithoutCancel(c.Request().Context()), practiceID, requestAudit(c, e))
}

// requestAudit completes an audit entry with the request's address, id and default outcome.
func requestAudit(c echo.Context, e store.AuditEntry) store.AuditEntry {
	e.IP = c.RealIP()
	e.RequestID = requestIDOf(c)
	if e.Outcome == "" {
		e.Outcome = store.OutcomeSuccess
	}
	return e
}

// auditEntry completes the audit entry of a change the signed-in user makes: the store
// writes it in the change's own transaction, so neither can commit without the other.
func auditEntry(c echo.Context, e store.AuditEntry) store.AuditEntry {
	if u := currentUser(c); u != nil && e.ActorUserID == 0 {
		e.ActorUserID = u.ID
	}
	return requestAudit(c, e)
}

// clientEntry is the audit entry of a change to cl's record (entityID 0 names no entity,
// as for a row the store is about to create and will name itself).
func clientEntry(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) store.AuditEntry {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return auditEntry(c, e)
}
