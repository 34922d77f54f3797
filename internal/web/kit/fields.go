package kit

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// ErrCSRF marks a refused state-changing request; the error pages explain it kindly.
var ErrCSRF = echo.NewHTTPError(http.StatusForbidden, "csrf")

// OnlyFields refuses a posted form with fields the handler does not read. A pattern ending
// in "*" allows any field with that prefix; the CSRF token is always allowed.
func OnlyFields(c echo.Context, patterns ...string) error {
	values, err := c.FormParams()
	if err != nil {
		return err
	}
	for k := range values {
		if k == "_csrf" || FieldAllowed(k, patterns) {
			continue
		}
		return ErrUnknownField
	}
	return nil
}
