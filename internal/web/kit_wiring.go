package web

import (
	"fmt"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/layout"
)

// chartCacheBytes is how much drawn chart markup the server keeps (a progress page's
// charts are some tens of kilobytes).
const chartCacheBytes = 16 << 20

// newKit hands the feature packages what they share; an asset the frames link to that
// does not exist fails the boot.
func (s *Server) newKit() (*kit.Kit, error) {
	assets := &layout.Assets{}
	for name, dst := range map[string]*string{
		"css/pico.jade.min.css": &assets.Pico, "css/app.css": &assets.App,
		"img/favicon.svg": &assets.Favicon, "js/client.js": &assets.ClientJS, "js/copy.js": &assets.CopyJS, "js/unsaved.js": &assets.UnsavedJS,
	} {
		u, err := s.assetURL(name)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		*dst = u
	}
	return &kit.Kit{
		Config: s.cfg, Store: s.store, Log: s.log, Passwords: s.passwords,
		Sessions: s.sessions, ClientSessions: s.clientSessions, Now: s.now,
		Mailer: s.mailer, Keys: s.keys, Validate: s.validate, Assets: assets,
		CSRFToken: csrfToken, Version: s.version, Charts: chart.NewCache(chartCacheBytes),
		Exports: s.exports,
	}, nil
}
