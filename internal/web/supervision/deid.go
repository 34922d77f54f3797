package supervision

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
)

// deid is what a de-identified export needs: the practice's pseudonyms, and the clients in
// the file sorted by pseudonym.
type deid struct {
	pseudo   rules.Pseudonymiser
	clients  []int64
	withYear bool
	unknown  []string // pseudonyms asked for that are not in scope
}

// prepareDeid resolves the clients of a de-identified export (rules.ChooseClients):
// every client in scope, or the ones named by pseudonym in chosen.
func (h *Handlers) prepareDeid(c echo.Context, f store.ExportFilter, chosen string) (deid, error) {
	ctx := c.Request().Context()
	pid := kit.CurrentUser(c).PracticeID
	fresh, err := rules.NewKey()
	if err != nil {
		return deid{}, err
	}
	key, err := h.Store.PseudonymKey(ctx, pid, fresh)
	if err != nil {
		return deid{}, err
	}
	p, err := rules.NewPseudonymiser(key)
	if err != nil {
		return deid{}, err
	}
	f.Clients = nil
	refs, err := h.Store.ExportClients(ctx, pid, f)
	if err != nil {
		return deid{}, err
	}
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	d := deid{pseudo: p}
	d.clients, d.unknown = rules.ChooseClients(p, ids, chosen)
	on, err := h.Store.ExportFirstYear(ctx, pid)
	if err != nil {
		return deid{}, err
	}
	d.withYear = rules.WithYear(on, len(d.clients))
	return d, nil
}
