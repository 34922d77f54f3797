package clientside

import (
	"strings"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// clientHeading is the heading of a client's form of template t (ForClient). It names the
// template only when that cannot give the client away: never for a client who asked for
// neutral messages, and for the practice's own templates (whose wording is not checked) only
// when the practice opted in to being named. Otherwise it is the neutral "Your form".
func clientHeading(v store.ClientView, t homework.Template) string {
	if !v.NeutralMessages && (strings.HasPrefix(v.TemplateRef, "builtin:") || v.NameOnPages) {
		return t.Title
	}
	return "Your form"
}

// clientFormData assembles the page from the client's form of the template (ForClient): a
// neutral heading when the client asked for neutral messages, and the days still open for an entry.
func clientFormData(v store.ClientView, t homework.Template, entries []store.Entry, today time.Time) clientFormPage {
	page := clientFormPage{View: v, Heading: clientHeading(v, t), Template: t, Cadence: v.Cadence}
	sent := map[time.Time]bool{}
	for _, e := range entries {
		if e.Status == "submitted" {
			sent[e.EntryDate] = true
		}
	}
	page.Days, page.OpensOn, page.Done = window(v).OpenDays(today, sent)
	return page
}
