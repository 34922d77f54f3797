package supervision

import (
	"bytes"
	"testing"
)

func TestPseudonymsAreStablePerKeyAndUnrelatedAcrossKeys(t *testing.T) {
	t.Parallel()
	a, err := NewPseudonymiser(bytes.Repeat([]byte{1}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewPseudonymiser(bytes.Repeat([]byte{2}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := NewPseudonymiser(bytes.Repeat([]byte{1}, KeySize))
	if a.Client(7) != again.Client(7) {
		t.Fatal("the same key and id gave two codes")
	}
	if a.Client(7) == b.Client(7) || a.Counsellor(7) == b.Counsellor(7) {
		t.Fatal("two keys gave the same code: rotation or another practice would link")
	}
	if a.Client(7) == a.Client(8) || a.Client(7)[2:] == a.Counsellor(7)[2:] {
		t.Fatal("different people share a code")
	}
	if !IsClientCode(a.Client(7)) || IsClientCode("SB-0001") || a.Counsellor(7)[:2] != "T-" {
		t.Fatalf("code shapes: %q %q", a.Client(7), a.Counsellor(7))
	}
	if _, err := NewPseudonymiser([]byte("short")); err == nil {
		t.Fatal("a short key was accepted")
	}
	k1, _ := NewKey()
	k2, _ := NewKey()
	if len(k1) != KeySize || bytes.Equal(k1, k2) {
		t.Fatal("NewKey gave a short or repeated key")
	}
}
