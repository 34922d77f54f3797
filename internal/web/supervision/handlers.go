// Package supervision serves the export pages: the CSV files for clinical supervisors and
// audit (de-identified by default), and the admin's settings of de-identified files. The
// rules of those files (layouts, pseudonyms, de-identification) live in the domain package
// internal/supervision, imported here as rules.
package supervision

import "github.com/securebase/securebase/internal/web/kit"

// Handlers serve the export pages.
type Handlers struct{ *kit.Kit }

// New returns the export pages' handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }
