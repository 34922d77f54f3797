package clientside

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/clientside"
	"github.com/securebase/securebase/templates/ui"
)

// keyPINOpen holds the id of the link whose PIN was entered in this client session.
const keyPINOpen = "pin_link_id"

var pinPattern = regexp.MustCompile(`^[0-9]{4,8}$`)

// Earlier shows the PIN form, or, once the PIN was entered in this session, the entries
// sent since it was chosen. The same form shows whether or not a PIN exists: the first PIN
// typed on a link becomes its PIN, so a stranger learns nothing by looking.
func (h *Handlers) Earlier(c echo.Context) error {
	l := linkOf(c)
	page := view.EarlierView{Locked: l.PINLockedAt != nil}
	if !page.Locked && l.PINSetAt != nil && h.ClientSessions.GetInt64(c.Request().Context(), keyPINOpen) == l.ID {
		page.Open = true
		entries, err := h.earlierEntries(c, l)
		if err != nil {
			return err
		}
		page.Entries = entries
	}
	return h.renderEarlier(c, http.StatusOK, page, &ui.Form{Values: map[string][]string{}})
}

func (h *Handlers) renderEarlier(c echo.Context, status int, page view.EarlierView, form *ui.Form) error {
	page.ClientPage, page.Form = h.quietPage(c, "Earlier"), form
	return h.Render(c, status, view.Earlier(page))
}

// EarlierPost checks a PIN (or keeps the first one typed as the link's PIN). Wrong PINs are
// counted in the database before they are checked; the fifth locks the earlier entries
// until the counsellor re-issues the link, and the lock is audited.
func (h *Handlers) EarlierPost(c echo.Context) error {
	if err := kit.OnlyFields(c, "pin", "next"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	l := linkOf(c)
	pin := c.FormValue("pin")
	gate := c.FormValue("next") == "forms"
	next := "/h/earlier"
	if gate {
		next = "/h"
	}
	form := &ui.Form{Values: map[string][]string{}}
	if !pinPattern.MatchString(pin) {
		form.Fail("pin", "Use 4 to 8 digits.")
		return h.renderEarlier(c, http.StatusUnprocessableEntity, view.EarlierView{Locked: l.PINLockedAt != nil, Gate: gate}, form)
	}
	if l.PINSetAt == nil {
		hash, err := h.Passwords.Hash(pin)
		if err != nil {
			return err
		}
		set, err := h.Store.SetLinkPIN(ctx, l.PracticeID, l.ID, hash, linkEntry(c, l, "link.pin_set"))
		if err != nil {
			return err
		}
		if set {
			h.ClientSessions.Put(ctx, keyPINOpen, l.ID)
			return c.Redirect(http.StatusSeeOther, next)
		}
		// Another browser chose a PIN a moment ago: check this one against it.
	}
	hash, try, err := h.Store.TryLinkPIN(ctx, l.PracticeID, l.ID)
	if errors.Is(err, store.ErrPINLocked) {
		return h.renderEarlier(c, http.StatusForbidden, view.EarlierView{Locked: true, Gate: gate}, form)
	}
	if err != nil {
		return err
	}
	if h.Passwords.Verify(pin, hash) {
		if err := h.Store.PINWasRight(ctx, l.PracticeID, l.ID); err != nil {
			return err
		}
		h.ClientSessions.Put(ctx, keyPINOpen, l.ID)
		return c.Redirect(http.StatusSeeOther, next)
	}
	h.auditLinkQuietly(c, l, "link.pin_wrong")
	if try >= store.MaxPINTries {
		// The store audits the lock when this call is the one that locked it.
		if _, err := h.Store.LockLinkPIN(ctx, l.PracticeID, l.ID, h.Now(), linkEntry(c, l, "link.pin_lock")); err != nil {
			return err
		}
		return h.renderEarlier(c, http.StatusForbidden, view.EarlierView{Locked: true, Gate: gate}, form)
	}
	form.Fail("pin", "That was not right. Please try again.")
	return h.renderEarlier(c, http.StatusUnprocessableEntity, view.EarlierView{Gate: gate}, form)
}

// auditLinkQuietly records a PIN event of a link; a failure is logged, not shown to the client.
func (h *Handlers) auditLinkQuietly(c echo.Context, l store.ClientLink, action string) {
	h.AuditQuietly(c, l.PracticeID, linkEntry(c, l, action))
}

// linkEntry is the audit entry of a PIN event of a link, as the client's request made it.
func linkEntry(c echo.Context, l store.ClientLink, action string) store.AuditEntry {
	return kit.AuditEntry(c, store.AuditEntry{Action: action, EntityType: "link", EntityID: strconv.FormatInt(l.ID, 10)})
}
