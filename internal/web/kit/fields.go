package kit

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/templates/ui"
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

// OptionalNumber reads a decimal number field; empty is nil. A bad value notes a message on f.
func OptionalNumber(f *ui.Form, field, v string) *float64 {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > 1e9 {
		f.Fail(field, "Enter a number, like 4 or 2.5.")
		return nil
	}
	return &n
}
