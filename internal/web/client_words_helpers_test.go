package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/wording"
)

// randomValue matches the values of the hidden inputs that hold random tokens (the CSRF token,
// a link's token): random letters may spell anything, and they are no words.
var randomValue = regexp.MustCompile(`(name="(?:_csrf|token)"[^>]*value=")[^"]*"`)

// pageText is all of a client page's HTML as a partner viewing its source would read it: the
// text, and every tag with its attributes (names, ids, classes, titles, aria labels, hidden
// inputs, the <title>, URLs), entities decoded. Only the validated questionnaires' own wording
// is taken out (it stays word for word, and appears only in check-ins the counsellor chose to
// send) and the random tokens.
func pageText(body string) string {
	text := html.UnescapeString(randomValue.ReplaceAllString(body, `$1"`))
	for _, m := range measures.Measures() {
		for _, it := range m.Items {
			text = strings.ReplaceAll(text, it.Text, " ")
		}
		for _, s := range []string{m.Stem, m.Licence, m.Title} {
			if s != "" {
				text = strings.ReplaceAll(text, s, " ")
			}
		}
	}
	return text
}

// assertNoRevealingWord fails when a client page's HTML, attributes included, holds a word from
// the wording package's list.
func assertNoRevealingWord(t *testing.T, what, body string) {
	t.Helper()
	if words := wording.Revealing(pageText(body)); len(words) > 0 {
		t.Errorf("%s holds revealing words %v", what, words)
		for _, w := range words {
			low := strings.ToLower(pageText(body))
			i := strings.Index(low, w)
			t.Logf("  %q in …%s…", w, low[max(0, i-60):min(len(low), i+60)])
		}
	}
}
