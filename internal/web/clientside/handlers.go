// Package clientside serves every page a client opens through a private link: the landing
// page, the client's forms and check-ins, the PIN and earlier entries, the quick exit and the
// neutral error page. Nothing here names the product, the practice or counselling unless the
// practice and the client allow it.
package clientside

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/layout"
)

// Handlers serve the client's pages.
type Handlers struct{ *kit.Kit }

// New returns the client side's handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// Client session keys: a client session is bound to one link of one practice.
const (
	keyLinkID         = "link_id"
	keyLinkPracticeID = "link_practice_id"
	keyHelpOpen       = kit.KeyHelpOpen // the next page shows "Need help now?" open
	keyFlash          = kit.KeyClientFlash
)

// Request context keys: the session's live link, and its client view (clientView).
const (
	ctxLink       = "client_link"
	ctxClientView = "client_view"
)

// linkOf returns the live link of the client session (set by RequireLink).
func linkOf(c echo.Context) store.ClientLink {
	l, _ := c.Get(ctxLink).(store.ClientLink)
	return l
}

// clientHeaders marks every client page as private and unindexed.
func clientHeaders(c echo.Context) {
	h := c.Response().Header()
	h.Set("X-Robots-Tag", "noindex, nofollow")
	h.Set(echo.HeaderCacheControl, "no-store")
	h.Set("Referrer-Policy", "no-referrer")
}

// quietPage is the client frame of a page that shows no flash and leaves "Need help now?"
// as it is for the next page: the landing page, the PIN page and the error page.
func (h *Handlers) quietPage(c echo.Context, title string) layout.ClientPage {
	return layout.ClientPage{
		Title:         title,
		CSRF:          h.CSRFToken(c),
		QuickExitURL:  h.Config.QuickExitURL.String(),
		EmergencyLine: h.Config.EmergencyLine,
		Assets:        h.Assets,
	}
}

// todayIn is today's date in a time zone, as a UTC midnight.
func (h *Handlers) todayIn(zone string) (time.Time, error) {
	loc, err := h.Zone(zone)
	if err != nil {
		loc = time.UTC
	}
	now := h.Now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
}
