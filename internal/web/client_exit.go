package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// quickExit ends the client session on the server, drops its cookie and what the browser
// kept of the client pages, and leaves for the neutral site. It takes no CSRF token: ending
// a session is the one thing a stranger's forged request could do with it, and the quick exit
// must work even after the page's token has gone stale (a beacon as the page closes, a
// page left open overnight).
func (s *Server) quickExit(c echo.Context) error {
	clientHeaders(c)
	if err := s.clientSessions.Destroy(c.Request().Context()); err != nil {
		return err
	}
	// Clear-Site-Data needs a secure context; browsers ignore it elsewhere.
	c.Response().Header().Set("Clear-Site-Data", `"cache"`)
	return c.Redirect(http.StatusSeeOther, s.cfg.QuickExitURL.String())
}
