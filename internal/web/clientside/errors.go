package clientside

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/clientside"
)

// IsClientPath reports whether a request is for a client's pages, which must stay neutral.
func IsClientPath(path string) bool { return path == "/h" || strings.HasPrefix(path, "/h/") }

// ErrSessionClosed marks a client request whose session has ended.
var ErrSessionClosed = echo.NewHTTPError(http.StatusGone, "client session closed")

// errorPage is the wording of one neutral error page.
type errorPage struct {
	Heading string
	Message string
}

// clientErrorPage is the neutral wording of an error on a client's page: no product,
// practice or counselling words, whatever went wrong.
func clientErrorPage(code int, err error) errorPage {
	switch {
	case errors.Is(err, kit.ErrCSRF), code == http.StatusForbidden, code == http.StatusGone && errors.Is(err, ErrSessionClosed):
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

// RenderError shows a neutral error page in the client layout. For a form that was
// posted, it shows the typed text back so nothing is lost.
func (h *Handlers) RenderError(c echo.Context, code int, err error) error {
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
	v := view.ErrorView{ClientPage: h.quietPage(c, ep.Heading), Heading: ep.Heading, Message: ep.Message, Typed: typed}
	return h.Render(c, code, view.Error(v))
}
