package clientside

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/clientside"
	"github.com/securebase/securebase/templates/ui"
)

// Home is the client's own page: the form chosen (or the first due), with the neutral
// count and the others to pick from; or a calm "nothing to fill in" when nothing is due.
func (h *Handlers) Home(c echo.Context) error {
	if gated, err := h.pinGate(c); gated || err != nil {
		if err != nil {
			return err
		}
		return h.renderEarlier(c, http.StatusOK, view.EarlierView{Gate: true, Locked: linkOf(c).PINLockedAt != nil}, &ui.Form{Values: map[string][]string{}})
	}
	due, v, err := h.dueNow(c)
	if err != nil {
		return err
	}
	kind, id := splitItem(due.Current)
	switch kind {
	case "a":
		return h.assignmentFormGet(c, id, due)
	case "c":
		return h.checkinGet(c, id, due)
	}
	return h.Render(c, http.StatusOK, view.Home(view.HomeView{ClientPage: h.ClientPage(c, "Your forms"), CallName: v.CallName(), Upcoming: due.Upcoming}))
}

// pinGate reports whether the practice asks for the PIN before any form and this session has
// not entered it yet. The page shown is the same whether or not the link has a PIN.
func (h *Handlers) pinGate(c echo.Context) (bool, error) {
	l := linkOf(c)
	v, err := h.clientView(c)
	if err != nil || !v.PINBeforeForms {
		return false, err
	}
	return l.PINLockedAt != nil || l.PINSetAt == nil || h.ClientSessions.GetInt64(c.Request().Context(), keyPINOpen) != l.ID, nil
}

// clientView reads the session's client and practice once per request (the PIN gate and the
// list of due forms both need them).
func (h *Handlers) clientView(c echo.Context) (store.ClientView, error) {
	if v, ok := c.Get(ctxClientView).(store.ClientView); ok {
		return v, nil
	}
	l := linkOf(c)
	v, err := h.Store.ClientViewByClient(c.Request().Context(), l.PracticeID, l.ClientID)
	if err == nil {
		c.Set(ctxClientView, v)
	}
	return v, err
}

// redirectHome sends a gated POST back to the client's page, which asks for the PIN.
func (h *Handlers) redirectHome(c echo.Context, err error) error {
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/h")
}
