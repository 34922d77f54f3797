package casework

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// Staff session keys of a newly issued link. keyNewLink holds "clientID linkID token" from
// the POST that issued it until the GET that shows it once pops it; keyShownLink then keeps
// "clientID linkID" (no token), so a reload can say the link was shown and is still alive.
const (
	keyNewLink     = "new_link"
	keyShownLink   = "shown_link"
	keyNewLinkNote = "new_link_note"
)

// ClientLinkPage shows the client's link: live or not, any older links, and a link just
// issued, once. Reloading it shows no token again, and changes nothing.
func (h *Handlers) ClientLinkPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := h.Store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	v := view.LinkView{Page: h.Page(c, "Private link: "+cl.Code), Form: &ui.Form{}, Client: clientView(cl),
		State: linkSummary(st, h.Moments(c)), CanEmail: h.canEmailLink(cl)}
	prefix := fmt.Sprintf("%d ", cl.ID)
	if s := h.Sessions.GetString(ctx, keyNewLink); strings.HasPrefix(s, prefix) {
		parts := strings.Fields(s)
		h.Sessions.Remove(ctx, keyNewLink)
		h.Sessions.Put(ctx, keyShownLink, parts[0]+" "+parts[1])
		if st.Current != nil && strconv.FormatInt(st.Current.ID, 10) == parts[1] {
			v.NewLink = h.linkAddress(parts[2])
		}
	} else if s := h.Sessions.GetString(ctx, keyShownLink); strings.HasPrefix(s, prefix) && st.Current != nil {
		v.AlreadyShown = s == prefix+strconv.FormatInt(st.Current.ID, 10)
	}
	if err := h.AuditClient(c, cl, "link.view", "client", cl.ID, ""); err != nil {
		return err
	}
	if note := h.Sessions.PopString(ctx, keyNewLinkNote); note != "" && v.NewLink != "" {
		v.Form.Fail("_form", note)
	}
	return h.Render(c, http.StatusOK, view.LinkPage(v))
}

// linkConfirmPage asks before replacing the links the client holds.
func (h *Handlers) linkConfirmPage(c echo.Context, cl store.Client, st store.LinkState, emailIt bool) error {
	v := view.LinkView{Page: h.Page(c, "Replace the private link?"), Form: &ui.Form{}, Client: clientView(cl),
		State: linkSummary(st, h.Moments(c)), Confirm: true, EmailLink: emailIt, CanEmail: h.canEmailLink(cl)}
	if c.FormValue("replace") != "" {
		v.Form.Fail("replace", "Tick the box to end the link the client has now.")
	}
	return h.Render(c, http.StatusOK, view.LinkPage(v))
}

// linkAddress is the address a token opens.
func (h *Handlers) linkAddress(token string) string {
	return strings.TrimSuffix(h.Config.PublicURL.String(), "/") + "/h/" + token
}
