package casework

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// clientLinkDays is how long a client link lives; the counsellor re-issues it after that.
const clientLinkDays = 60

// IssueClientLink issues the client's one private link, ending every link they hold. With a
// link live it first asks (a confirm step, no script needed). It answers 303 to the page that
// shows the new link once: a reload of that page issues nothing.
func (h *Handlers) IssueClientLink(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "replace", "email_link"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := h.Store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	emailIt := c.FormValue("email_link") == "true"
	if (st.Current != nil || st.Older > 0) && c.FormValue("replace") != "yes" {
		return h.linkConfirmPage(c, cl, st, emailIt)
	}
	token, hash, err := auth.NewLinkToken()
	if err != nil {
		return err
	}
	today, loc, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	d := today.AddDate(0, 0, clientLinkDays+1) // the end of the day clientLinkDays from today
	until := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	id, _, err := h.Store.IssueClientLink(ctx, cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, store.LinkInput{TokenHash: hash, ExpiresAt: until},
		caseEntry(c, cl, "link.issue", "client", cl.ID, ""), linkIssueDetail)
	if errors.Is(err, store.ErrClientClosed) {
		return h.Flash(c, kit.ClientPath(cl.ID), "A discharged or archived client cannot be given a link.")
	}
	if err != nil {
		return err
	}
	if emailIt {
		form := &ui.Form{}
		if err := h.emailClientLink(c, cl, token, until, form); err != nil {
			return err
		}
		if msg := form.Error("_form"); msg != "" {
			h.Sessions.Put(ctx, keyNewLinkNote, msg)
		}
	}
	h.Sessions.Put(ctx, keyNewLink, fmt.Sprintf("%d %d %s", cl.ID, id, token))
	return c.Redirect(http.StatusSeeOther, kit.ClientPath(cl.ID)+"/link")
}

// linkIssueDetail is the audit detail of an issued link: its id, and how many live links it ended.
func linkIssueDetail(id, ended int64) string {
	detail := fmt.Sprintf("link=%d", id)
	if ended > 0 {
		detail += fmt.Sprintf("; ended %d live links", ended)
	}
	return detail
}

// RevokeClientLink ends every link the client holds, at once.
func (h *Handlers) RevokeClientLink(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	ended, err := h.Store.RevokeClientLinks(c.Request().Context(), cl.PracticeID, cl.ID, caseEntry(c, cl, "link.revoke", "client", cl.ID, ""),
		func(ended int64) string { return fmt.Sprintf("ended %d live links", ended) })
	if err != nil {
		return err
	}
	if ended == 0 {
		return h.Flash(c, kit.ClientPath(cl.ID)+"/link", "There was no live link to revoke.")
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/link", "Revoked: the link no longer opens.")
}
