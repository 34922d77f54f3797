package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// isClientPath reports whether a request is for a client's pages, which must stay neutral.
func isClientPath(path string) bool { return path == "/h" || strings.HasPrefix(path, "/h/") }

// clientErrorPage is the neutral wording of an error on a client's page: no product,
// practice or counselling words, whatever went wrong.
func clientErrorPage(code int, err error) errorPage {
	switch {
	case errors.Is(err, errCSRF), code == http.StatusForbidden, code == http.StatusGone && errors.Is(err, errSessionClosed):
		return errorPage{"This page closed", "For your privacy the page closed after a while. Open your link again to carry on."}
	case code == http.StatusNotFound || code == http.StatusGone:
		return errorPage{"This link is not active", "It may have expired or been replaced. Please ask the person who gave it to you for a new one."}
	case code == http.StatusConflict:
		return errorPage{"Another form is open", "You opened another form in this browser since this one. To send this one, open its link again."}
	case code == http.StatusTooManyRequests:
		return errorPage{"Please wait a moment", "There were many tries in a short time. Please wait a minute and try again."}
	case code == http.StatusRequestEntityTooLarge:
		return errorPage{"That was too long", "Please shorten your answers and try again."}
	case code >= 500:
		return errorPage{"Something went wrong", "Please try again in a few minutes."}
	}
	return errorPage{"Something was not right", "Please go back and try again."}
}

// errSessionClosed marks a client request whose session has ended.
var errSessionClosed = echo.NewHTTPError(http.StatusGone, "client session closed")

// renderClientError shows a neutral error page in the client layout. For a form that was
// posted, it shows the typed text back so nothing is lost.
func (s *Server) renderClientError(c echo.Context, code int, err error) error {
	clientHeaders(c)
	ep := clientErrorPage(code, err)
	var typed []string
	if c.Request().Method == http.MethodPost {
		if values, perr := c.FormParams(); perr == nil {
			for k, vs := range values {
				if clientFormMeta[k] || k == "token" {
					continue
				}
				for _, v := range vs {
					if len(strings.TrimSpace(v)) > 3 { // words worth keeping, not a number or a choice
						typed = append(typed, v)
					}
				}
			}
		}
	}
	p := &Page{Title: ep.Heading, CSRF: csrfToken(c), RequestID: requestIDOf(c), Data: struct {
		errorPage
		Typed []string
	}{ep, typed}}
	return s.render(c, code, "client/error", p)
}
