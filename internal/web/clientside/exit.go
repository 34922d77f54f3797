package clientside

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
)

// QuickExit ends the client session on the server, drops its cookie and what the browser
// kept of the client pages, and leaves for the neutral site. The page's script sends it as a
// beacon and leaves at once, whatever the answer; without script the form posts here.
func (h *Handlers) QuickExit(c echo.Context) error {
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	clientHeaders(c)
	if err := h.ClientSessions.Destroy(c.Request().Context()); err != nil {
		return err
	}
	// Clear-Site-Data needs a secure context; browsers ignore it elsewhere.
	c.Response().Header().Set("Clear-Site-Data", `"cache"`)
	return c.Redirect(http.StatusSeeOther, h.Config.QuickExitURL.String())
}
