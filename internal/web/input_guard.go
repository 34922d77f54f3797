package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
)

// Limits on any single form value, whatever the field: longer text fields have their own
// tighter limits, and nothing legitimate comes close to these.
const (
	maxFormValues = 400
	maxValueBytes = 20000
)

// errBadInput refuses a form that no field could accept.
var errBadInput = echo.NewHTTPError(http.StatusBadRequest, "bad input")

// guardInput refuses, before any handler reads them, posted forms with too many values,
// invalid UTF-8, or control characters other than tab, line feed and carriage return (a NUL
// would otherwise reach PostgreSQL as an error). Each handler still checks its own fields.
func (s *Server) guardInput(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Method != http.MethodPost {
			return next(c)
		}
		values, err := c.FormParams()
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return echo.ErrStatusRequestEntityTooLarge
		}
		if err != nil {
			return echo.ErrBadRequest // a malformed body
		}
		n := 0
		for k, vs := range values {
			for _, v := range append(vs, k) {
				n++
				if n > maxFormValues || len(v) > maxValueBytes || !cleanText(v) {
					return errBadInput
				}
			}
		}
		return next(c)
	}
}

// cleanText reports whether s is valid UTF-8 without control characters other than tab,
// line feed and carriage return.
func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool {
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r < 0xa0)
	})
}

// errUnknownField refuses a form carrying fields no page of ours sends.
var errUnknownField = kit.ErrUnknownField
