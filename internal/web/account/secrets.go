package account

import (
	"errors"

	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// sealTOTP encrypts u's TOTP secret for storage.
func (h *Handlers) sealTOTP(u store.User, secret string) (string, error) {
	if h.Keys == nil {
		return "", kit.ErrNoKey
	}
	return h.Keys.Seal(secret, keyring.TOTPContext(u.PracticeID, u.ID))
}

// openTOTP decrypts u's stored TOTP secret.
func (h *Handlers) openTOTP(u store.User, stored string) (string, error) {
	if _, sealed := keyring.SealedWith(stored); !sealed {
		return "", errors.New("two-factor secret stored unsealed: restart the server with its key to seal it")
	}
	if h.Keys == nil {
		return "", kit.ErrNoKey
	}
	return h.Keys.Open(stored, keyring.TOTPContext(u.PracticeID, u.ID))
}
