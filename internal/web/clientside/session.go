package clientside

import (
	"errors"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// RequireLink lets a request through only with a client session whose link is
// still live: revoking or re-issuing a link, or a discharge, ends its sessions at once, and
// the page is the same neutral 404 as for a dead link. A session left idle for longer than
// the client idle timeout ends as an expired one does; the last-seen time is written back
// at most once a minute, so a page that changes nothing else saves no session row.
func (h *Handlers) RequireLink(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		clientHeaders(c)
		ctx := c.Request().Context()
		linkID := h.ClientSessions.GetInt64(ctx, keyLinkID)
		practiceID := h.ClientSessions.GetInt64(ctx, keyLinkPracticeID)
		if linkID == 0 {
			return ErrSessionClosed
		}
		now := h.Now()
		seenAt := h.ClientSessions.GetInt64(ctx, auth.KeySeenAt) // 0: opened before seen times were kept
		idle := now.Sub(time.Unix(seenAt, 0))
		if seenAt != 0 && idle > h.Config.ClientIdleTimeout {
			if err := h.ClientSessions.Destroy(ctx); err != nil {
				return err
			}
			return ErrSessionClosed
		}
		if seenAt == 0 || idle >= auth.SeenWriteInterval {
			h.ClientSessions.Put(ctx, auth.KeySeenAt, now.Unix())
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
