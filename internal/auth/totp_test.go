package auth_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/securebase/securebase/internal/auth"
)

// rfcSecret is the SHA-1 key of RFC 6238's test vectors ("12345678901234567890"), in base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" //nolint:gosec // a published test vector, not a credential

func TestMatchTOTPFollowsRFC6238AndAcceptsOneStepEitherSide(t *testing.T) {
	cases := []struct {
		name     string
		code     string
		at       int64 // Unix seconds
		wantStep int64
		wantOK   bool
	}{
		{"RFC vector at 59 s", "287082", 59, 1, true},
		{"RFC vector at 1111111109 s", "081804", 1111111109, 37037036, true},
		{"one step late", "287082", 89, 1, true},
		{"one step early", "287082", 29, 1, true},
		{"two steps late", "287082", 119, 0, false},
		{"wrong code", "287083", 59, 0, false},
		{"five digits", "28708", 59, 0, false},
		{"seven digits", "2870820", 59, 0, false},
		{"not digits", "28708a", 59, 0, false},
		{"spaces are the caller's to remove", "287 082", 59, 0, false},
		{"empty", "", 59, 0, false},
	}
	for _, tc := range cases {
		step, ok := auth.MatchTOTP(rfcSecret, tc.code, time.Unix(tc.at, 0))
		if ok != tc.wantOK || step != tc.wantStep {
			t.Errorf("%s: MatchTOTP = (%d, %v), want (%d, %v)", tc.name, step, ok, tc.wantStep, tc.wantOK)
		}
	}
}

func TestNewTOTPKeyWorksWithTheLibrarysOwnCodes(t *testing.T) {
	k, err := auth.NewTOTPKey("jo@harbour.example")
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Secret) != 32 || !strings.HasPrefix(k.URI, "otpauth://totp/Secure%20Base:jo@harbour.example?") ||
		!strings.Contains(k.URI, "secret="+k.Secret) || !strings.Contains(k.URI, "issuer=Secure%20Base") ||
		!strings.Contains(k.URI, "digits=6") || !strings.Contains(k.URI, "period=30") || !strings.Contains(k.URI, "algorithm=SHA1") {
		t.Fatalf("key %+v: want a 160-bit secret and a complete otpauth URI", k)
	}
	now := time.Now()
	code, err := totp.GenerateCode(k.Secret, now)
	if err != nil {
		t.Fatal(err)
	}
	if step, ok := auth.MatchTOTP(k.Secret, code, now); !ok || step != auth.TOTPStep(now) {
		t.Fatalf("the library's current code: MatchTOTP = (%d, %v), want step %d", step, ok, auth.TOTPStep(now))
	}
	other, _ := auth.NewTOTPKey("jo@harbour.example")
	if other.Secret == k.Secret {
		t.Fatal("two keys share a secret")
	}
	png, err := auth.TOTPQRCode(k.URI, 200)
	if err != nil || !strings.HasPrefix(string(png), "\x89PNG\r\n\x1a\n") {
		t.Fatalf("QR code: %v, %d bytes", err, len(png))
	}
}

func TestRecoveryCodesAreRandomWellFormedAndHashedInNormalForm(t *testing.T) {
	codes, hashes, err := auth.NewRecoveryCodes()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != auth.RecoveryCodeCount || len(hashes) != auth.RecoveryCodeCount {
		t.Fatalf("%d codes, %d hashes; want %d each", len(codes), len(hashes), auth.RecoveryCodeCount)
	}
	shape := regexp.MustCompile(`^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$`)
	seen := map[string]bool{}
	for i, c := range codes {
		if !shape.MatchString(c) || seen[c] {
			t.Fatalf("code %q: want four groups of four Crockford base32 characters, all distinct", c)
		}
		seen[c] = true
		if string(hashes[i]) != string(auth.HashRecoveryCode(c)) || len(hashes[i]) != 32 {
			t.Fatalf("hash of %q does not match", c)
		}
	}
	// Typed differently, the same code: upper case, spaces, no dashes, O for 0, I or L for 1.
	base := "0a1b-2c3d-4e5f-6g7h"
	for _, typed := range []string{"0A1B-2C3D-4E5F-6G7H", "0a1b 2c3d 4e5f 6g7h", "0a1b2c3d4e5f6g7h", "oaib-2c3d-4e5f-6g7h", "0Alb2c3d4e5f6g7h"} {
		if n, ok := auth.NormaliseRecoveryCode(typed); !ok || string(auth.HashRecoveryCode(typed)) != string(auth.HashRecoveryCode(base)) {
			t.Errorf("%q: normal form %q (%v), want the same code as %q", typed, n, ok, base)
		}
	}
	for _, bad := range []string{"", "123456", "0a1b-2c3d-4e5f-6g7", "0a1b-2c3d-4e5f-6g7h-8", "0a1b-2c3d-4e5f-6g7u", "0a1b-2c3d-4e5f-6g7é"} {
		if _, ok := auth.NormaliseRecoveryCode(bad); ok {
			t.Errorf("%q taken for a recovery code", bad)
		}
	}
}
