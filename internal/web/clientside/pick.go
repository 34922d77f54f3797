package clientside

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
)

// PickItem chooses which due form the page shows; it changes nothing but the session.
func (h *Handlers) PickItem(c echo.Context) error {
	if err := kit.OnlyFields(c, "item"); err != nil {
		return err
	}
	if gated, err := h.pinGate(c); gated || err != nil {
		return h.redirectHome(c, err)
	}
	due, _, err := h.dueNow(c)
	if err != nil {
		return err
	}
	for _, it := range due.Items {
		if it.Key == c.FormValue("item") {
			h.ClientSessions.Put(c.Request().Context(), keyItem, it.Key)
		}
	}
	return c.Redirect(http.StatusSeeOther, "/h")
}

// postedItem reads which of the client's forms a POST is for: its "item" field or, from a page
// without one, the form the client's page last showed. Anything but a form of this kind is
// the neutral 404 (the form's own checks then say whether it still takes an answer).
func (h *Handlers) postedItem(c echo.Context, kind string) (int64, error) {
	key := c.FormValue("item")
	if key == "" {
		key = h.ClientSessions.GetString(c.Request().Context(), keyItem)
	}
	k, id := splitItem(key)
	if k != kind || id <= 0 {
		return 0, echo.ErrNotFound
	}
	return id, nil
}

func splitItem(key string) (string, int64) {
	kind, raw, ok := strings.Cut(key, ":")
	id, err := strconv.ParseInt(raw, 10, 64)
	if !ok || err != nil {
		return "", 0
	}
	return kind, id
}

// keepItem remembers the form the page shows, writing to the session only when it changes.
func (h *Handlers) keepItem(c echo.Context, key string) {
	ctx := c.Request().Context()
	if h.ClientSessions.GetString(ctx, keyItem) != key {
		h.ClientSessions.Put(ctx, keyItem, key)
	}
}
