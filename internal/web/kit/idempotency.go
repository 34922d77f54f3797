package kit

import (
	"crypto/rand"
	"encoding/hex"
)

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
