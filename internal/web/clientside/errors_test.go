package clientside

import (
	"net/http"
	"testing"

	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/internal/wording"
)

// TestEveryClientErrorPageIsNeutral checks the wording of every error a client page can show,
// including those a test cannot easily provoke over HTTP (429, 5xx); the HTML around them is
// the client layout, scanned whole by TestNoClientPageShowsARevealingWord.
func TestEveryClientErrorPageIsNeutral(t *testing.T) {
	for code := 400; code < 600; code++ {
		for _, err := range []error{nil, kit.ErrCSRF, ErrSessionClosed} {
			p := clientErrorPage(code, err)
			if p.Heading == "" || p.Message == "" {
				t.Errorf("%d %v: an empty page", code, err)
			}
			if w := wording.Revealing(p.Heading + " " + p.Message); len(w) > 0 {
				t.Errorf("%d %v: %q %q holds %v", code, err, p.Heading, p.Message, w)
			}
		}
	}
	if p := clientErrorPage(http.StatusInternalServerError, nil); p.Heading != "Something went wrong" {
		t.Errorf("500: %q", p.Heading)
	}
}
