package clientside

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/clientside"
)

// linkFromToken finds the live link of a token from the path. Every dead link answers the
// same: 404, the same page and headers, whether the token is malformed, unknown, revoked,
// expired or its client discharged. The hash is looked up whatever the token looks like, so
// the time taken tells nothing either.
func (h *Handlers) linkFromToken(c echo.Context, token string) (store.ClientLink, error) {
	l, err := h.Store.LinkByTokenHash(c.Request().Context(), auth.HashLinkToken(token))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return l, err
	}
	if err != nil || !auth.WellFormedLinkToken(token) || !l.Live(h.Now()) {
		return store.ClientLink{}, h.renderNotActive(c)
	}
	return l, nil
}

// errRendered stops a handler whose response is already written.
var errRendered = errors.New("response rendered")

func (h *Handlers) renderNotActive(c echo.Context) error {
	if err := h.RenderError(c, http.StatusNotFound, nil); err != nil {
		return err
	}
	return errRendered
}

// OpenLinkPage is what GET /h/:token shows: a neutral page with one button. Nothing
// changes on GET: mail scanners open links before people do. The button posts the token
// in the form body, and the page's script takes it out of the address bar and history.
func (h *Handlers) OpenLinkPage(c echo.Context) error {
	if _, err := h.linkFromToken(c, c.Param("token")); err != nil {
		return ignoreRendered(err)
	}
	clientHeaders(c)
	return h.Render(c, http.StatusOK, view.Open(view.OpenView{ClientPage: h.quietPage(c, "Your form"), Token: c.Param("token")}))
}

// OpenLink starts the client session bound to this one link of one client, records the
// opening, and redirects to the client's page, an address without the token.
func (h *Handlers) OpenLink(c echo.Context) error {
	if err := kit.OnlyFields(c, "token"); err != nil {
		return err
	}
	l, err := h.linkFromToken(c, c.FormValue("token"))
	if err != nil {
		return ignoreRendered(err)
	}
	ctx := c.Request().Context()
	if err := h.ClientSessions.RenewToken(ctx); err != nil {
		return err
	}
	h.ClientSessions.Put(ctx, keyLinkID, l.ID)
	h.ClientSessions.Put(ctx, keyLinkPracticeID, l.PracticeID)
	h.ClientSessions.Put(ctx, auth.KeySeenAt, h.Now().Unix())
	entry := store.AuditEntry{Action: "link.open", EntityType: "link", EntityID: strconv.FormatInt(l.ID, 10), ClientID: l.ClientID}
	if err := h.AuditFor(c, l.PracticeID, entry); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/h")
}

func ignoreRendered(err error) error {
	if errors.Is(err, errRendered) {
		return nil
	}
	return err
}
