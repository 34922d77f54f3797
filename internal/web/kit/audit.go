package kit

import (
	"context"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// AuditEntry completes e with the signed-in actor, the request's address and id, and the
// default outcome, for a store method to write in its change's transaction.
func AuditEntry(c echo.Context, e store.AuditEntry) store.AuditEntry {
	if u := CurrentUser(c); u != nil && e.ActorUserID == 0 {
		e.ActorUserID = u.ID
	}
	e.IP = c.RealIP()
	e.RequestID = RequestID(c)
	if e.Outcome == "" {
		e.Outcome = store.OutcomeSuccess
	}
	return e
}

// Audit appends an entry for the signed-in user's practice, for events that change no
// client data (views, sign-ins, settings).
func (k *Kit) Audit(c echo.Context, e store.AuditEntry) error {
	var practiceID int64
	if u := CurrentUser(c); u != nil {
		practiceID = u.PracticeID
	}
	return k.AuditFor(c, practiceID, e)
}

// AuditFor appends an entry for an explicit practice (sign-in, before anyone is current).
func (k *Kit) AuditFor(c echo.Context, practiceID int64, e store.AuditEntry) error {
	// Not the request's context: an audit row must be written even when the client has gone.
	return k.Store.RecordAudit(context.WithoutCancel(c.Request().Context()), practiceID, AuditEntry(c, e))
}

// AuditClient records an access to a client's record.
func (k *Kit) AuditClient(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) error {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return k.Audit(c, e)
}
