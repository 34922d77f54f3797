package homework

import (
	"fmt"
	"net/url"
	"strings"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/wording"
	view "github.com/securebase/securebase/templates/homework"
	"github.com/securebase/securebase/templates/ui"
)

// confirmWording is the box a counsellor ticks to keep a client wording that holds a revealing word.
const confirmWording = view.ConfirmWording

// lines splits a textarea into its non-blank lines, trimmed.
func lines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// parseClientWording reads the client's wording of one template row into field: empty boxes
// leave the staff wording for the client too.
func parseClientWording(f *ui.Form, pre string, field *hw.Field) {
	v := f.Values
	field.ClientLabel = strings.TrimSpace(v.Get(pre + "client_label"))
	field.ClientHelp = strings.TrimSpace(v.Get(pre + "client_help"))
	client := lines(v.Get(pre + "client_choices"))
	switch {
	case len(client) == 0:
	case len(client) != len(field.Choices):
		f.Fail(pre+"client_choices", fmt.Sprintf("Give one client wording per choice, in the same order (%d), or leave this empty.", len(field.Choices)))
	default:
		for i := range field.Choices {
			field.Choices[i].ClientLabel = client[i]
		}
	}
}

// clientWordingValues fills the editor's client wording boxes of row pre from field.
func clientWordingValues(v url.Values, pre string, field hw.Field) {
	v.Set(pre+"client_label", field.ClientLabel)
	v.Set(pre+"client_help", field.ClientHelp)
	var client []string
	for _, ch := range field.Choices {
		if ch.ClientLabel != "" {
			client = append(client, ch.ClientLabel)
		}
	}
	if len(client) == len(field.Choices) {
		v.Set(pre+"client_choices", strings.Join(client, "\n"))
	}
}

// revealingWording lists, by form field, what a client would read of t that holds a revealing
// word: the client's wording, or the staff wording where there is no client wording. rowOf maps
// t's fields to the editor's rows.
func revealingWording(t hw.Template, rowOf []int) map[string][]string {
	out := map[string][]string{}
	check := func(name, text string) {
		if w := wording.Revealing(text); len(w) > 0 {
			out[name] = append(out[name], w...)
		}
	}
	ct := t.ClientWorded()
	check("client_title", ct.Title)
	check("client_purpose", ct.Purpose)
	for i, f := range ct.Fields {
		pre := fmt.Sprintf("field_%d_", rowOf[i])
		check(pre+"client_label", f.Label)
		check(pre+"client_help", f.Help)
		for _, ch := range f.Choices {
			check(pre+"client_choices", ch.Label)
		}
	}
	return out
}

// warnRevealingWording puts a warning beside every client wording that holds a revealing word,
// unless the counsellor ticked the box to keep it. It reports whether any was found.
func warnRevealingWording(f *ui.Form, t hw.Template, rowOf []int) bool {
	found := revealingWording(t, rowOf)
	if len(found) == 0 || f.Value(confirmWording) == "true" {
		return len(found) > 0
	}
	for name, words := range found {
		if f.Error(name) == "" {
			f.Fail(name, fmt.Sprintf("A client's phone may be read by someone else, and %q could tell them what this is about. "+
				"Write the client's wording without it, or tick the box below to keep it.", words[0]))
		}
	}
	f.Fail(confirmWording, "Some of what the client would read gives the topic away (marked above). Reword it, or tick this box to keep it as it is.")
	return true
}
