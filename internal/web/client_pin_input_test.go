package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestMalformedPINsAreRefusedBesideTheFieldAndNeverCounted: once a link has a PIN, input that
// cannot be a PIN (wrong length, letters, other scripts' digits, spaces, 10,000 digits, nothing)
// gets a message beside the field and a 422, never a 5xx, and is never counted as a wrong try
// (nor, once locked, as anything); a well-formed wrong PIN is counted, every time.
func TestMalformedPINsAreRefusedBesideTheFieldAndNeverCounted(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	owner := opened(t, f, token)
	if res := owner.Post("/h/earlier", url.Values{"pin": {"4826"}}); res.Status != 303 {
		t.Fatalf("choose a PIN: %d", res.Status)
	}
	malformed := []string{"", "1", "123", "123456789", "abcd", "12a4", "48 26", " 4826", "4826\n", "٤٨٢٦", "４８２６",
		"-4826", "+4826", "48.6", strings.Repeat("7", 10000), strings.Repeat("x", 10000)}
	stranger := opened(t, f, token)
	for _, pin := range malformed {
		res := stranger.Post("/h/earlier", url.Values{"pin": {pin}})
		if res.Status != 422 || fieldError(res.Body, "pin") != "Use 4 to 8 digits." {
			t.Fatalf("PIN %.12q: %d %q, want 422 with the message beside the field", pin, res.Status, fieldError(res.Body, "pin"))
		}
		if strings.Contains(res.Body, pin) && len(pin) > 3 {
			t.Errorf("PIN %.12q is shown back on the page", pin)
		}
	}
	if n, has, locked := linkRow(t, f, token); n != 0 || !has || locked {
		t.Fatalf("after malformed PINs: %d tries counted, PIN %v, locked %v", n, has, locked)
	}
	// Well-formed wrong PINs count, one each, interleaved with malformed ones that do not.
	for i := 1; i <= 3; i++ {
		if res := stranger.Post("/h/earlier", url.Values{"pin": {"0000"}}); res.Status != 422 || fieldError(res.Body, "pin") == "" {
			t.Fatalf("wrong PIN %d: %d", i, res.Status)
		}
		stranger.Post("/h/earlier", url.Values{"pin": {"00"}})
		if n, _, _ := linkRow(t, f, token); n != i {
			t.Fatalf("after %d wrong PINs %d are counted", i, n)
		}
	}
	if res := stranger.Post("/h/earlier", url.Values{"pin": {"4826"}}); res.Status != 303 {
		t.Fatalf("the right PIN after malformed and wrong ones: %d", res.Status)
	}
	if n, _, _ := linkRow(t, f, token); n != 0 {
		t.Fatalf("the right PIN left %d tries counted", n)
	}
	// Locked: malformed input gets the locked page (there is no PIN field to put a message
	// beside), never a 5xx, and nothing moves.
	other := opened(t, f, token)
	for i := 0; i < 5; i++ {
		other.Post("/h/earlier", url.Values{"pin": {"1111"}})
	}
	if _, _, locked := linkRow(t, f, token); !locked {
		t.Fatal("five wrong PINs did not lock the link")
	}
	for _, pin := range malformed {
		res := other.Post("/h/earlier", url.Values{"pin": {pin}})
		if res.Status >= 500 || res.Status < 400 || !strings.Contains(res.Body, `data-testid="pin-locked"`) || strings.Contains(res.Body, `data-testid="earlier-entry"`) {
			t.Fatalf("locked, PIN %.12q: %d", pin, res.Status)
		}
	}
	if n, _, _ := linkRow(t, f, token); n != 5 {
		t.Fatalf("locked link counted %d tries, want 5", n)
	}
}
