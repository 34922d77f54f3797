package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

// linkToken is private link n's token, derived as bench/seed.sql derives its hash.
func linkToken(n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("bench-token-%d", n)))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
