package web

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
)

// deid is what a de-identified export needs: the practice's pseudonyms, and the clients in
// the file sorted by pseudonym.
type deid struct {
	pseudo   supervision.Pseudonymiser
	clients  []int64
	withYear bool
	unknown  []string // pseudonyms asked for that are not in scope
}

// prepareDeid resolves the clients of a de-identified export (supervision.ChooseClients):
// every client in scope, or the ones named by pseudonym in chosen.
func (s *Server) prepareDeid(c echo.Context, f store.ExportFilter, chosen string) (deid, error) {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	fresh, err := supervision.NewKey()
	if err != nil {
		return deid{}, err
	}
	key, err := s.store.PseudonymKey(ctx, pid, fresh)
	if err != nil {
		return deid{}, err
	}
	p, err := supervision.NewPseudonymiser(key)
	if err != nil {
		return deid{}, err
	}
	f.Clients = nil
	refs, err := s.store.ExportClients(ctx, pid, f)
	if err != nil {
		return deid{}, err
	}
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	d := deid{pseudo: p}
	d.clients, d.unknown = supervision.ChooseClients(p, ids, chosen)
	on, err := s.store.ExportFirstYear(ctx, pid)
	if err != nil {
		return deid{}, err
	}
	d.withYear = supervision.WithYear(on, len(d.clients))
	return d, nil
}
