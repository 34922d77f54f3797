package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
)

// errNoKey refuses to store a second factor on a server with no encryption key.
var errNoKey = echo.NewHTTPError(http.StatusServiceUnavailable, "no encryption key")

var noKeyPage = errorPage{"Two-factor sign-in is not available yet", "This server has no encryption key for second factors. Ask whoever runs Secure Base to set ENCRYPTION_KEYS (see the README)."}

// sealTOTP encrypts u's TOTP secret for storage.
func (s *Server) sealTOTP(u store.User, secret string) (string, error) {
	if s.keys == nil {
		return "", errNoKey
	}
	return s.keys.Seal(secret, keyring.TOTPContext(u.PracticeID, u.ID))
}

// openTOTP decrypts u's stored TOTP secret.
func (s *Server) openTOTP(u store.User, stored string) (string, error) {
	if _, sealed := keyring.SealedWith(stored); !sealed {
		return "", errors.New("two-factor secret stored unsealed: restart the server with its key to seal it")
	}
	if s.keys == nil {
		return "", errNoKey
	}
	return s.keys.Open(stored, keyring.TOTPContext(u.PracticeID, u.ID))
}
