// Package keyring seals small secrets (the TOTP secrets of second factors) with AES-256-GCM
// under keys given from outside the database, each with an id so keys can be rotated.
package keyring

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// prefix starts every sealed value: "sb1:<key id>:<base64 of nonce and ciphertext>".
const prefix = "sb1:"

var keyID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// Keyring holds the keys: the first seals, every one opens.
type Keyring struct {
	current string
	aeads   map[string]cipher.AEAD
}

// ErrNoKey means no key is configured.
var ErrNoKey = errors.New("keyring: no encryption key: set ENCRYPTION_KEYS or ENCRYPTION_KEYS_FILE (make one with `securebase keys generate`)")

// Parse reads keys written as "id:base64key", separated by commas or lines; blank lines and
// lines starting with # are skipped. Each key is 32 bytes (AES-256). The first seals.
func Parse(text string) (*Keyring, error) {
	k := &Keyring{aeads: map[string]cipher.AEAD{}}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '\n' || r == '\r' }) {
		part = strings.TrimSpace(part)
		if part == "" || strings.HasPrefix(part, "#") {
			continue
		}
		id, b64, ok := strings.Cut(part, ":")
		if !ok || !keyID.MatchString(id) {
			return nil, fmt.Errorf("keyring: want id:base64key, with an id of letters, digits, - or _")
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(raw) != 32 {
			return nil, fmt.Errorf("keyring: key %q: want 32 bytes in base64", id)
		}
		if _, dup := k.aeads[id]; dup {
			return nil, fmt.Errorf("keyring: key id %q given twice", id)
		}
		block, err := aes.NewCipher(raw)
		if err != nil {
			return nil, err
		}
		if k.aeads[id], err = cipher.NewGCM(block); err != nil {
			return nil, err
		}
		if k.current == "" {
			k.current = id
		}
	}
	if k.current == "" {
		return nil, ErrNoKey
	}
	return k, nil
}

// FromConfig builds the keyring from keys given inline or from a file (for secrets mounted by
// an orchestrator). Neither set: nil and no error, the caller decides whether it may run so.
func FromConfig(keys, file string) (*Keyring, error) {
	if keys != "" && file != "" {
		return nil, errors.New("keyring: set ENCRYPTION_KEYS or ENCRYPTION_KEYS_FILE, not both")
	}
	if file != "" {
		b, err := os.ReadFile(file) //nolint:gosec // the operator names the key file
		if err != nil {
			return nil, fmt.Errorf("keyring: ENCRYPTION_KEYS_FILE: %w", err)
		}
		keys = string(b)
	}
	if keys == "" {
		return nil, nil
	}
	return Parse(keys)
}

// Generate returns a new key line, "id:base64key", with an id from the time.
func Generate(now time.Time) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return "k" + now.UTC().Format("20060102T150405") + ":" + base64.StdEncoding.EncodeToString(raw), nil
}

// Current is the id of the key that seals.
func (k *Keyring) Current() string { return k.current }

// Seal encrypts plaintext with the current key. context binds the result to where it is
// stored (such as the user it belongs to): opened with another context, it fails.
func (k *Keyring) Seal(plaintext, context string) (string, error) {
	aead := k.aeads[k.current]
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	ct := aead.Seal(nonce, nonce, []byte(plaintext), []byte(context))
	return prefix + k.current + ":" + base64.RawStdEncoding.EncodeToString(ct), nil
}

// Open decrypts a value Seal made with any key of the ring.
func (k *Keyring) Open(sealed, context string) (string, error) {
	id, ct, err := split(sealed)
	if err != nil {
		return "", err
	}
	aead, ok := k.aeads[id]
	if !ok {
		return "", fmt.Errorf("keyring: sealed with key %q, which is not configured", id)
	}
	if len(ct) < aead.NonceSize() {
		return "", errors.New("keyring: sealed value too short")
	}
	pt, err := aead.Open(nil, ct[:aead.NonceSize()], ct[aead.NonceSize():], []byte(context))
	if err != nil {
		return "", errors.New("keyring: sealed value does not open (wrong key or context, or altered)")
	}
	return string(pt), nil
}

// SealedWith returns the id of the key that sealed v, and false when v is not sealed.
func SealedWith(v string) (string, bool) {
	id, _, err := split(v)
	return id, err == nil
}

func split(v string) (string, []byte, error) {
	rest, ok := strings.CutPrefix(v, prefix)
	if !ok {
		return "", nil, errors.New("keyring: not a sealed value")
	}
	id, b64, ok := strings.Cut(rest, ":")
	if !ok {
		return "", nil, errors.New("keyring: malformed sealed value")
	}
	ct, err := base64.RawStdEncoding.DecodeString(b64)
	if err != nil {
		return "", nil, errors.New("keyring: malformed sealed value")
	}
	return id, ct, nil
}

// TOTPContext binds a sealed TOTP secret to its row: a secret copied to another user's row
// does not open.
func TOTPContext(practiceID, userID int64) string {
	return "totp:" + strconv.FormatInt(practiceID, 10) + ":" + strconv.FormatInt(userID, 10)
}

// Reseal returns v sealed with the current key: a plain value is sealed, and (when rotate is
// set) a value sealed with another key is opened and sealed again. Anything else is returned
// as it is.
func (k *Keyring) Reseal(v, context string, rotate bool) (string, error) {
	id, sealed := SealedWith(v)
	if !sealed {
		return k.Seal(v, context)
	}
	if !rotate || id == k.current {
		return v, nil
	}
	pt, err := k.Open(v, context)
	if err != nil {
		return "", err
	}
	return k.Seal(pt, context)
}
