package auth

import (
	"bytes"
	"crypto/subtle"
	"fmt"
	"image/png"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// TOTP settings (RFC 6238): what every authenticator app assumes by default.
const (
	TOTPPeriod = 30 * time.Second
	TOTPIssuer = "Secure Base"
	totpDigits = otp.DigitsSix
	totpSkew   = 1 // steps accepted either side of now, for clocks a little apart
)

// totpSecretBytes is the size of a new secret: 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends.
const totpSecretBytes = 20

// TOTPKey is a new secret offered to a user, with the otpauth:// URI an authenticator app reads.
type TOTPKey struct {
	Secret string // base32, no padding
	URI    string
}

// NewTOTPKey returns a fresh random secret for account (the user's email).
func NewTOTPKey(account string) (TOTPKey, error) {
	k, err := totp.Generate(totp.GenerateOpts{
		Issuer: TOTPIssuer, AccountName: account, Period: uint(TOTPPeriod / time.Second),
		SecretSize: totpSecretBytes, Digits: totpDigits, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return TOTPKey{}, fmt.Errorf("auth: totp key: %w", err)
	}
	return TOTPKey{Secret: k.Secret(), URI: k.URL()}, nil
}

// TOTPQRCode returns a PNG of the QR code of an otpauth:// URI, size pixels square.
func TOTPQRCode(uri string, size int) ([]byte, error) {
	k, err := otp.NewKeyFromURL(uri)
	if err != nil {
		return nil, fmt.Errorf("auth: totp uri: %w", err)
	}
	img, err := k.Image(size, size)
	if err != nil {
		return nil, fmt.Errorf("auth: qr code: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("auth: qr png: %w", err)
	}
	return buf.Bytes(), nil
}

// TOTPStep returns the time step that t falls in.
func TOTPStep(t time.Time) int64 { return t.Unix() / int64(TOTPPeriod/time.Second) }

// MatchTOTP checks code against secret at now, accepting the step before and after. It
// returns the step whose code matched, so that the caller can refuse any code of that step
// or an earlier one afterwards (no replay). Anything but six digits never matches.
func MatchTOTP(secret, code string, now time.Time) (step int64, ok bool) {
	if !IsTOTPCode(code) {
		return 0, false
	}
	current := TOTPStep(now)
	for s := current - totpSkew; s <= current+totpSkew; s++ {
		if s < 0 {
			continue
		}
		want, err := hotp.GenerateCodeCustom(secret, uint64(s), hotp.ValidateOpts{Digits: totpDigits, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			step, ok = s, true // keep looking: the latest matching step is the one to remember
		}
	}
	return step, ok
}

// IsTOTPCode reports whether s has the shape of a code: exactly six ASCII digits.
func IsTOTPCode(s string) bool {
	if len(s) != totpDigits.Length() {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
