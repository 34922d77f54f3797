// Package auth holds password hashing and policy, and the sign-in session store.
package auth

import (
	"bufio"
	"crypto/rand"
	_ "embed" // the common-password list
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"
)

// Password length bounds, in characters. No composition rules: length and a
// common-password check are what help (NIST SP 800-63B).
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

// PolicyError is a password policy failure, worded for the person choosing a password.
type PolicyError string

// Error returns the message to show beside the password field.
func (e PolicyError) Error() string { return string(e) }

// Password policy failures (messages about passwords, not credentials).
const (
	ErrPasswordTooShort PolicyError = "Use at least 12 characters." //nolint:gosec // a message, not a credential
	ErrPasswordTooLong  PolicyError = "Use at most 128 characters." //nolint:gosec // a message, not a credential
	ErrPasswordCommon   PolicyError = "This password is too common. Try a few unrelated words together."
)

// DefaultParams are argon2id settings after OWASP's recommendation (19 MiB, 2 passes, 1 lane).
var DefaultParams = argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

//go:embed data/common-passwords.txt
var commonPasswordList string

// Passwords hashes, verifies and judges passwords.
type Passwords struct {
	params    argon2id.Params
	common    map[string]struct{}
	dummyHash string // compared against when an account does not exist, so timing reveals nothing
}

// NewPasswords returns a Passwords using params (DefaultParams in production).
func NewPasswords(params argon2id.Params) (*Passwords, error) {
	p := &Passwords{params: params, common: make(map[string]struct{}, 30000)}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			p.common[strings.ToLower(w)] = struct{}{}
		}
	}
	hash, err := argon2id.CreateHash("not a real password", &p.params)
	if err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	p.dummyHash = hash
	return p, nil
}

// Hash returns the argon2id hash of password in PHC string form.
func (p *Passwords) Hash(password string) (string, error) {
	h, err := argon2id.CreateHash(password, &p.params)
	if err != nil {
		return "", fmt.Errorf("auth: hash: %w", err)
	}
	return h, nil
}

// Verify reports whether password matches hash. An empty hash (no such account) is
// compared against a dummy so the time taken is the same.
func (p *Passwords) Verify(password, hash string) bool {
	if hash == "" {
		_, _ = argon2id.ComparePasswordAndHash(password, p.dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// Check applies the password policy: length, and not a common password (also when
// a common password is only followed by digits or symbols, as in "password12345").
func (p *Passwords) Check(password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return ErrPasswordTooShort
	case n > MaxPasswordLength:
		return ErrPasswordTooLong
	}
	lower := strings.ToLower(password)
	if _, ok := p.common[lower]; ok {
		return ErrPasswordCommon
	}
	stem := strings.TrimRight(lower, "0123456789!@#$%^&*()-_=+.?,;: ")
	if _, ok := p.common[stem]; ok && len(stem) >= 6 {
		return ErrPasswordCommon
	}
	if strings.Count(lower, string([]rune(lower)[0])) == n {
		return ErrPasswordCommon // one character repeated
	}
	return nil
}

// GeneratePassword returns a random password of 20 characters from an alphabet without
// look-alikes, grouped in fives for reading aloud: about 100 bits.
func GeneratePassword() (string, error) {
	const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKMNPQRTUVWXY346789"
	var b strings.Builder
	buf := make([]byte, 1)
	for n := 0; n < 20; {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("auth: generate password: %w", err)
		}
		if int(buf[0]) >= 256-256%len(alphabet) {
			continue // rejection sampling keeps every character equally likely
		}
		if n > 0 && n%5 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(alphabet[int(buf[0])%len(alphabet)])
		n++
	}
	return b.String(), nil
}
