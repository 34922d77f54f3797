// Package casework serves the staff pages of a client's record: the caseload, the client's
// details and page, intake, goals, appointments, progress and risk flags.
package casework

import "github.com/securebase/securebase/internal/web/kit"

// Handlers serve the casework pages.
type Handlers struct{ *kit.Kit }

// New returns the casework handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }
