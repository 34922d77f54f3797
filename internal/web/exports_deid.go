package web

import (
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
)

// minClientsForYear is the fewest clients a de-identified file must cover before the year of
// each client's first appointment may go in it: with fewer, a year narrows a client down.
const minClientsForYear = 11

// deid is what a de-identified export needs: the practice's pseudonyms, and the clients in
// the file sorted by pseudonym.
type deid struct {
	pseudo   supervision.Pseudonymiser
	clients  []int64
	withYear bool
	unknown  []string // pseudonyms asked for that are not in scope
}

// prepareDeid resolves the clients of a de-identified export: every client in scope, or the
// ones named by pseudonym in chosen (spaces or commas between them), sorted by pseudonym.
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
	want := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToUpper(chosen), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		want[w] = true
	}
	choosing := len(want) > 0
	byCode := map[string]int64{}
	codes := make([]string, 0, len(refs))
	for _, r := range refs {
		code := p.Client(r.ID)
		if choosing && !want[code] {
			continue
		}
		delete(want, code)
		byCode[code] = r.ID
		codes = append(codes, code)
	}
	sort.Strings(codes)
	d := deid{pseudo: p, clients: make([]int64, 0, len(codes))}
	for _, code := range codes {
		d.clients = append(d.clients, byCode[code])
	}
	for w := range want {
		d.unknown = append(d.unknown, w)
	}
	sort.Strings(d.unknown)
	on, err := s.store.ExportFirstYear(ctx, pid)
	if err != nil {
		return deid{}, err
	}
	d.withYear = on && len(d.clients) >= minClientsForYear
	return d, nil
}
