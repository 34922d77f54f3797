package auth_test

import (
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"

	"github.com/securebase/securebase/internal/auth"
)

// fast is argon2id made cheap for tests; production uses auth.DefaultParams.
var fast = argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

func TestPasswordPolicy(t *testing.T) {
	pw, err := auth.NewPasswords(fast)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		password string
		want     error
	}{
		{"short", auth.ErrPasswordTooShort},
		{"elevenchars", auth.ErrPasswordTooShort},
		{"twelve chars", nil},
		{"ünïcödé pässwörds", nil},
		{strings.Repeat("a", 12), auth.ErrPasswordCommon},
		{strings.Repeat("xyz ", 32), nil},                           // 128 characters
		{strings.Repeat("xyz ", 32) + "!", auth.ErrPasswordTooLong}, // 129
		{"123qweasdzxc", auth.ErrPasswordCommon},                    // on the list
		{"QWERTY123456", auth.ErrPasswordCommon},                    // on the list, other case
		{"password1234", auth.ErrPasswordCommon},                    // a common word with digits added
		{"sunshine2026!!", auth.ErrPasswordCommon},                  // the same with symbols
		{"tide kettle orbit", nil},
		{"no Composition Rules needed", nil},
	}
	for _, tc := range cases {
		if got := pw.Check(tc.password); got != tc.want {
			t.Errorf("Check(%q) = %v, want %v", tc.password, got, tc.want)
		}
	}
}

func TestHashAndVerify(t *testing.T) {
	pw, err := auth.NewPasswords(fast)
	if err != nil {
		t.Fatal(err)
	}
	h1, err := pw.Hash("tide kettle orbit")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := pw.Hash("tide kettle orbit")
	if !strings.HasPrefix(h1, "$argon2id$") || h1 == h2 {
		t.Fatalf("hashes %q and %q: want salted argon2id", h1, h2)
	}
	if !pw.Verify("tide kettle orbit", h1) || pw.Verify("tide kettle orbiT", h1) || pw.Verify("tide kettle orbit", "") {
		t.Fatal("Verify accepts the wrong thing or refuses the right one")
	}
}

func TestGeneratedPasswordsAreStrongAndDistinct(t *testing.T) {
	pw, err := auth.NewPasswords(fast)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		p, err := auth.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(p) != 23 || strings.Count(p, "-") != 3 {
			t.Fatalf("generated %q, want four groups of five", p)
		}
		if err := pw.Check(p); err != nil {
			t.Fatalf("generated %q fails the policy: %v", p, err)
		}
		if seen[p] {
			t.Fatalf("generated %q twice", p)
		}
		seen[p] = true
	}
}
