package kit

import (
	"crypto/rand"
	"encoding/hex"
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

// NewIdempotencyKey returns a fresh key a form posts once, so that a retried POST is seen
// as the same request.
func NewIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// ValidIdempotencyKey reports whether key looks like one NewIdempotencyKey makes: 32
// lower-case hex digits.
func ValidIdempotencyKey(key string) bool {
	if len(key) != 32 {
		return false
	}
	for _, r := range key {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}
