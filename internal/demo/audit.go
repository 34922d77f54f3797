package demo

import "github.com/securebase/securebase/internal/store"

// seeded is the audit entry of a demo change: the store writes it with the change, as it
// does for every change of a client's record; the detail says the row came from the seed.
func seeded(actorID int64, action, entityType string, clientID int64) store.AuditEntry {
	return store.AuditEntry{ActorUserID: actorID, Action: action, EntityType: entityType, ClientID: clientID, Detail: "demo"}
}
