package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/clientside"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/errorpages"
	"github.com/securebase/securebase/templates/layout"
)

// errorPage is the wording of one friendly error page.
type errorPage struct {
	Heading string
	Message string
}

var errorPages = map[int]errorPage{
	http.StatusBadRequest:            {"We could not read that request", "Something in the request was not in the form we expected. Go back and try again."},
	http.StatusForbidden:             {"You do not have access to this page", "Your account does not allow this. If you think it should, ask your practice administrator."},
	http.StatusNotFound:              {"Page not found", "There is nothing here. The address may be mistyped, or the page may have moved."},
	http.StatusMethodNotAllowed:      {"Page not found", "There is nothing here. The address may be mistyped, or the page may have moved."},
	http.StatusConflict:              {"This changed while you were working", "Someone else changed this record at the same moment. Go back, reload the page and try again."},
	http.StatusGone:                  {"This link has expired", "The link you followed is no longer active. Ask the person who sent it for a new one."},
	http.StatusRequestEntityTooLarge: {"That was too large", "What you sent is larger than we accept. Please shorten it and try again."},
	http.StatusTooManyRequests:       {"Too many requests", "You have made a lot of requests in a short time. Please wait a minute and try again."},
	http.StatusInternalServerError:   {"Something went wrong", "We could not finish this request. Nothing you entered has been shared. Please try again in a moment."},
	http.StatusServiceUnavailable:    {"Temporarily unavailable", "Secure Base cannot reach its database just now. Please try again in a minute."},
}

var badInputPage = errorPage{"We could not accept that form", "It contained characters or fields we cannot accept, such as invisible control characters. Please go back, check what you typed and try again."}

// errNoKey refuses to store a second factor on a server with no encryption key.
var errNoKey = kit.ErrNoKey

var noKeyPage = errorPage{"Two-factor sign-in is not available yet", "This server has no encryption key for second factors. Ask whoever runs Secure Base to set ENCRYPTION_KEYS (see the README)."}

var exportsBusyPage = errorPage{"Several exports are already running", "Your practice is already making several exports at once. Please try again shortly, when one of them has finished."}

var csrfPage = errorPage{"This form has expired", "For your security, forms work only for a limited time and only from this site. Go back, reload the page and try again."}

// handleError renders a friendly page for every error. Internal error text is logged with
// the request id and never sent to the browser.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if errors.Is(c.Request().Context().Err(), context.Canceled) {
		// The browser went away (closed the tab, lost its connection) before the answer was
		// ready: no page can reach it, and nothing failed on this side, whatever error the
		// interrupted work returned (a cancelled query, a transaction already rolled back).
		s.log.Info("request abandoned by the client", "request_id", requestIDOf(c), "route", c.Path())
		return
	}
	code := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code = he.Code
	}
	if isDBUnavailable(err) {
		code = http.StatusServiceUnavailable
	}
	if code >= 500 {
		s.log.Error("request failed", "request_id", requestIDOf(c), "route", c.Path(), "status", code, "err", err)
	}
	ep, ok := errorPages[code]
	if !ok {
		ep = errorPages[http.StatusBadRequest]
		if code >= 500 {
			ep = errorPages[http.StatusInternalServerError]
		}
	}
	if errors.Is(err, errCSRF) {
		ep = csrfPage
	}
	if errors.Is(err, errBadInput) || errors.Is(err, errUnknownField) {
		ep = badInputPage
	}
	if errors.Is(err, errNoKey) {
		ep = noKeyPage
	}
	if errors.Is(err, kit.ErrExportsBusy) {
		ep = exportsBusyPage
	}
	if errors.Is(err, errBadQuery) || errors.Is(err, errQueryValue) {
		ep = queryPage
	}
	if code == http.StatusMethodNotAllowed {
		code = http.StatusNotFound
	}
	if errors.Is(err, clientside.ErrSessionClosed) {
		code = http.StatusGone
	}
	if currentUser(c) == nil {
		c.Set(ctxNoNewSession, true) // no form on an error page needs a token: start no session for one
	}
	if clientside.IsClientPath(c.Request().URL.Path) {
		if rerr := clientside.New(s.kit).RenderError(c, code, err); rerr != nil {
			s.log.Error("render client error page", "request_id", requestIDOf(c), "err", rerr)
			_ = c.NoContent(code)
		}
		return
	}
	page := layout.Page{Title: ep.Heading, Viewer: s.kit.Viewer(c), CSRF: csrfToken(c), RequestID: requestIDOf(c), Assets: s.kit.Assets}
	if rerr := s.kit.Render(c, code, errorpages.Error(errorpages.View{Page: page, Heading: ep.Heading, Message: ep.Message})); rerr != nil {
		s.log.Error("render error page", "request_id", requestIDOf(c), "err", rerr)
		_ = c.String(code, ep.Heading+". Reference: "+requestIDOf(c))
	}
}
