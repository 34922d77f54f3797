// Package homework serves the staff's homework pages: assigning homework to a client, one
// assignment with its entries to review, and the practice's template library (list,
// preview, editor).
package homework

import (
	"fmt"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/homework"
)

// Handlers serve the homework pages.
type Handlers struct{ *kit.Kit }

// New returns the homework handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// clientEntry is the audit entry of a change to cl's record (entityID 0 names no entity,
// as for a row the store is about to create and will name itself).
func clientEntry(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) store.AuditEntry {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return kit.AuditEntry(c, e)
}

func assignmentPath(clientID, id int64) string {
	return fmt.Sprintf("%s/homework/%d", kit.ClientPath(clientID), id)
}

// clientOf names the client on the homework pages.
func clientOf(cl store.Client) view.Client {
	return view.Client{ID: cl.ID, CallName: cl.CallName(), Code: cl.Code}
}
