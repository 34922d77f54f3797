package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

// linkTokenBytes is the entropy of a client link token: 256 bits.
const linkTokenBytes = 32

// NewLinkToken returns a fresh URL-safe token for a private client link and the SHA-256
// that is stored in its place. The token itself is shown once and never stored.
func NewLinkToken() (token string, hash []byte, err error) {
	b := make([]byte, linkTokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("auth: link token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashLinkToken(token), nil
}

// HashLinkToken returns the SHA-256 of a link token.
func HashLinkToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// WellFormedLinkToken reports whether s could be a link token at all (43 URL-safe
// base64 characters), so junk is refused without a database lookup.
func WellFormedLinkToken(s string) bool {
	if len(s) != base64.RawURLEncoding.EncodedLen(linkTokenBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}
