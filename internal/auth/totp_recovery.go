package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"strings"
)

// RecoveryCodeCount is how many recovery codes a user receives at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet is Crockford's base32: 32 symbols, so each character carries 5 bits and
// none can be mistaken for another once I, L and O are read as 1, 1 and 0.
const recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// recoveryCodeChars is the length of a code: 16 characters, 80 random bits, which is why a
// plain SHA-256 is a safe way to store it (no one can search 2^80 codes per hash).
const recoveryCodeChars = 16

// NewRecoveryCodes returns fresh recovery codes to show once, in groups of four for
// reading ("7k2m-q9xd-..."), and the SHA-256 of each to store in their place.
func NewRecoveryCodes() (codes []string, hashes [][]byte, err error) {
	buf := make([]byte, recoveryCodeChars)
	for range RecoveryCodeCount {
		if _, err := rand.Read(buf); err != nil {
			return nil, nil, fmt.Errorf("auth: recovery code: %w", err)
		}
		var b strings.Builder
		for i, c := range buf {
			if i > 0 && i%4 == 0 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[c&31]) // 256 is a multiple of 32: every symbol equally likely
		}
		code := b.String()
		codes = append(codes, code)
		hashes = append(hashes, HashRecoveryCode(code))
	}
	return codes, hashes, nil
}

// NormaliseRecoveryCode returns code in its stored form (lower case, no separators, look-alike
// letters read as digits) and whether it has the shape of a recovery code at all.
func NormaliseRecoveryCode(code string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(code) {
		switch r {
		case '-', ' ':
			continue
		case 'o':
			r = '0'
		case 'i', 'l':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(recoveryAlphabet, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), b.Len() == recoveryCodeChars
}

// HashRecoveryCode returns the SHA-256 of a recovery code's normal form, as stored.
func HashRecoveryCode(code string) []byte {
	n, _ := NormaliseRecoveryCode(code)
	sum := sha256.Sum256([]byte(n))
	return sum[:]
}
