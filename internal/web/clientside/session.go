package clientside

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// RequireLink lets a request through only with a client session whose link is
// still live: revoking or re-issuing a link, or a discharge, ends its sessions at once, and
// the page is the same neutral 404 as for a dead link.
func (h *Handlers) RequireLink(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		clientHeaders(c)
		ctx := c.Request().Context()
		linkID := h.ClientSessions.GetInt64(ctx, keyLinkID)
		practiceID := h.ClientSessions.GetInt64(ctx, keyLinkPracticeID)
		if linkID == 0 {
			return ErrSessionClosed
		}
		l, err := h.Store.ClientLinkByID(ctx, practiceID, linkID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err != nil || !l.Live(h.Now()) {
			if err := h.ClientSessions.Destroy(ctx); err != nil {
				return err
			}
			return echo.ErrNotFound // the neutral page, with any typed text shown back
		}
		c.Set(ctxLink, l)
		return next(c)
	}
}
