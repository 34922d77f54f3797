package keyring

import (
	"strings"
	"testing"
	"time"
)

func mustKeys(t *testing.T, lines ...string) *Keyring {
	t.Helper()
	k, err := Parse(strings.Join(lines, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealOpensOnlyWithItsKeyAndContext(t *testing.T) {
	old, _ := Generate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	k := mustKeys(t, old)
	sealed, err := k.Seal("JBSWY3DPEHPK3PXP", TOTPContext(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, "JBSWY3DPEHPK3PXP") || !strings.HasPrefix(sealed, "sb1:k20260101T000000:") {
		t.Fatalf("sealed value %q", sealed)
	}
	again, _ := k.Seal("JBSWY3DPEHPK3PXP", TOTPContext(1, 2))
	if again == sealed {
		t.Fatal("two seals of one secret are equal: the nonce is not fresh")
	}
	if got, err := k.Open(sealed, TOTPContext(1, 2)); err != nil || got != "JBSWY3DPEHPK3PXP" {
		t.Fatalf("open: %q, %v", got, err)
	}
	if _, err := k.Open(sealed, TOTPContext(1, 3)); err == nil {
		t.Fatal("a secret moved to another user's row opened")
	}
	other, _ := Generate(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if _, err := mustKeys(t, other).Open(sealed, TOTPContext(1, 2)); err == nil {
		t.Fatal("opened without its key")
	}
	tampered := sealed[:len(sealed)-2] + "AA"
	if _, err := k.Open(tampered, TOTPContext(1, 2)); err == nil {
		t.Fatal("an altered value opened")
	}
}

func TestResealRotatesToTheFirstKeyAndSealsPlainValues(t *testing.T) {
	oldLine, _ := Generate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	newLine, _ := Generate(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	old := mustKeys(t, oldLine)
	both := mustKeys(t, newLine, oldLine) // the new key first: it seals
	ctx := TOTPContext(4, 5)
	sealedOld, _ := old.Seal("secret-one-abcdefgh", ctx)
	if v, _ := both.Reseal(sealedOld, ctx, false); v != sealedOld {
		t.Fatal("without rotate, a value sealed with an older key changed")
	}
	rotated, err := both.Reseal(sealedOld, ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := SealedWith(rotated); id != both.Current() || id == old.Current() {
		t.Fatalf("rotated with %q, want %q", id, both.Current())
	}
	if got, err := mustKeys(t, newLine).Open(rotated, ctx); err != nil || got != "secret-one-abcdefgh" {
		t.Fatalf("the new key alone opens the rotated value: %q, %v", got, err)
	}
	plain, err := both.Reseal("JBSWY3DPEHPK3PXP", ctx, false)
	if id, sealed := SealedWith(plain); err != nil || !sealed || id != both.Current() {
		t.Fatalf("a plain value was not sealed: %q, %v", plain, err)
	}
}

func TestParseRefusesBadKeys(t *testing.T) {
	good, _ := Generate(time.Now())
	for _, text := range []string{"", "# only a comment", "nokey", "k1:c2hvcnQ=", "bad id!:" + strings.SplitN(good, ":", 2)[1], good + "," + good} {
		if _, err := Parse(text); err == nil {
			t.Errorf("Parse(%q) accepted", text)
		}
	}
	if _, err := FromConfig("x", "y"); err == nil {
		t.Error("both ENCRYPTION_KEYS and ENCRYPTION_KEYS_FILE accepted")
	}
	if k, err := FromConfig("", ""); k != nil || err != nil {
		t.Errorf("no keys: %v, %v", k, err)
	}
}
