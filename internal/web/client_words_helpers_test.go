package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/wording"
)

var (
	scriptOrStyle = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`)
	anyTag        = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visibleText is what a person reading the page sees: the text outside tags, with the
// validated questionnaires' own wording taken out (it stays word for word, and appears
// only in check-ins the counsellor chose to send).
func visibleText(body string) string {
	text := html.UnescapeString(anyTag.ReplaceAllString(scriptOrStyle.ReplaceAllString(body, " "), " "))
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

// assertNoRevealingWord fails when a client page shows a word from the wording package's list.
func assertNoRevealingWord(t *testing.T, what, body string) {
	t.Helper()
	if words := wording.Revealing(visibleText(body)); len(words) > 0 {
		t.Errorf("%s shows revealing words %v", what, words)
	}
}
