package casework

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
)

// clientView copies what the casework pages show of a client.
func clientView(cl store.Client) view.Client {
	return view.Client{
		ID: cl.ID, Code: cl.Code, FirstName: cl.FirstName, LastName: cl.LastName, PreferredName: cl.PreferredName,
		Pronouns: cl.Pronouns, DateOfBirth: longDate(cl.DateOfBirth), Email: cl.Email, Phone: cl.Phone,
		Status: cl.Status, Format: cl.Format, ContactMethod: cl.ContactMethod, CounsellorID: cl.CounsellorID,
		CounsellorName: cl.CounsellorName, NeutralMessages: cl.NeutralMessages, SafeContactNote: cl.SafeContactNote,
		Archived: cl.ArchivedAt != nil, RiskFlagOpen: cl.RiskFlagOpen,
	}
}

// longDate shows a stored date as pages do ("2 Jan 2006"); "" when there is none.
func longDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// caseEntry is the audit entry of a change to the client's data, for the store to write
// in the change's transaction.
func caseEntry(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) store.AuditEntry {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return kit.AuditEntry(c, e)
}
