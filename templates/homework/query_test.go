package homework

import (
	"html/template"
	"strings"
	"testing"
)

// The library's links carry a template ref in their query exactly as the html/template
// pages did, byte for byte.
func TestQueryValueEscapesAsHTMLTemplateDid(t *testing.T) {
	old := template.Must(template.New("a").Parse(`<a href="/homework/templates/preview?ref={{.}}">`))
	for _, ref := range []string{"builtin:thought_record", "practice:12", "a b&c/é?=#%", ""} {
		var b strings.Builder
		if err := old.Execute(&b, ref); err != nil {
			t.Fatal(err)
		}
		if got := `<a href="` + PreviewPath(ref) + `">`; got != b.String() {
			t.Errorf("PreviewPath(%q) gives %q, html/template wrote %q", ref, got, b.String())
		}
	}
}
