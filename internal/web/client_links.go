package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// Client session keys: a client session is bound to one link of one practice.
const (
	keyLinkID         = "link_id"
	keyLinkPracticeID = "link_practice_id"
	keyHelpOpen       = "help_open" // the next page shows "Need help now?" open
)

const ctxLink = "client_link"

// clientHeaders marks every client page as private and unindexed.
func clientHeaders(c echo.Context) {
	h := c.Response().Header()
	h.Set("X-Robots-Tag", "noindex, nofollow")
	h.Set(echo.HeaderCacheControl, "no-store")
	h.Set("Referrer-Policy", "no-referrer")
}

// linkFromToken finds the live link of a token from the path. Every dead link answers the
// same: 404, the same page and headers, whether the token is malformed, unknown, revoked,
// expired or its client discharged. The hash is looked up whatever the token looks like, so
// the time taken tells nothing either.
func (s *Server) linkFromToken(c echo.Context, token string) (store.ClientLink, error) {
	l, err := s.store.LinkByTokenHash(c.Request().Context(), auth.HashLinkToken(token))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return l, err
	}
	if err != nil || !auth.WellFormedLinkToken(token) || !l.Live(s.now()) {
		return store.ClientLink{}, s.renderNotActive(c)
	}
	return l, nil
}

// errRendered stops a handler whose response is already written.
var errRendered = errors.New("response rendered")

func (s *Server) renderNotActive(c echo.Context) error {
	if err := s.renderClientError(c, http.StatusNotFound, nil); err != nil {
		return err
	}
	return errRendered
}

// openLinkPage is what GET /h/:token shows: a neutral page with one button. Nothing
// changes on GET: mail scanners open links before people do. The button posts the token
// in the form body, and the page's script takes it out of the address bar and history.
func (s *Server) openLinkPage(c echo.Context) error {
	if _, err := s.linkFromToken(c, c.Param("token")); err != nil {
		return ignoreRendered(err)
	}
	clientHeaders(c)
	p := &Page{Title: "Your form", CSRF: csrfToken(c), RequestID: requestIDOf(c)}
	p.Form = &Form{Values: map[string][]string{"token": {c.Param("token")}}}
	return s.render(c, http.StatusOK, "client/open", p)
}

// openLink starts the client session bound to this one link of one client, records the
// opening, and redirects to the client's page, an address without the token.
func (s *Server) openLink(c echo.Context) error {
	if err := onlyFields(c, "token"); err != nil {
		return err
	}
	l, err := s.linkFromToken(c, c.FormValue("token"))
	if err != nil {
		return ignoreRendered(err)
	}
	ctx := c.Request().Context()
	if err := s.clientSessions.RenewToken(ctx); err != nil {
		return err
	}
	s.clientSessions.Put(ctx, keyLinkID, l.ID)
	s.clientSessions.Put(ctx, keyLinkPracticeID, l.PracticeID)
	entry := store.AuditEntry{Action: "link.open", EntityType: "link", EntityID: strconv.FormatInt(l.ID, 10), ClientID: l.ClientID}
	if err := s.auditFor(c, l.PracticeID, entry); err != nil {
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

// requireClientLink lets a request through only with a client session whose link is
// still live: revoking or re-issuing a link, or a discharge, ends its sessions at once, and
// the page is the same neutral 404 as for a dead link.
func (s *Server) requireClientLink(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		clientHeaders(c)
		ctx := c.Request().Context()
		linkID := s.clientSessions.GetInt64(ctx, keyLinkID)
		practiceID := s.clientSessions.GetInt64(ctx, keyLinkPracticeID)
		if linkID == 0 {
			return errSessionClosed
		}
		l, err := s.store.ClientLinkByID(ctx, practiceID, linkID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err != nil || !l.Live(s.now()) {
			if err := s.clientSessions.Destroy(ctx); err != nil {
				return err
			}
			return echo.ErrNotFound // the neutral page, with any typed text shown back
		}
		c.Set(ctxLink, l)
		return next(c)
	}
}
