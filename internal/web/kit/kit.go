// Package kit is what every web feature uses: the current user, page rendering, form
// binding, flash messages, audit entries and the practice's clock.
package kit

import (
	"log/slog"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates/layout"
)

// Kit holds the dependencies the feature handlers share; the shell builds one at boot.
type Kit struct {
	Config    config.Config
	Store     *store.Store
	Log       *slog.Logger
	Passwords *auth.Passwords
	// Sessions are staff sessions; ClientSessions are opened by private links.
	Sessions       *scs.SessionManager
	ClientSessions *scs.SessionManager
	Now            func() time.Time
	Mailer         mail.Sender // nil: no email is sent
	Keys           *keyring.Keyring
	Validate       *validator.Validate
	Assets         *layout.Assets
	CSRFToken      func(echo.Context) string // the shell's CSRF middleware hands out tokens
	Version        string
	// Charts keeps drawn SVG charts by their spec (nil: every chart is drawn).
	Charts *chart.Cache
	// Exports limits the exports each practice runs at once (nil: no limit).
	Exports *ExportGate

	zones sync.Map // time zone name → *time.Location
}

// Zone returns the named time zone, loading each name once.
func (k *Kit) Zone(name string) (*time.Location, error) {
	if loc, ok := k.zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	k.zones.Store(name, loc)
	return loc, nil
}
