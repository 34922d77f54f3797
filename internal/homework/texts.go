package homework

import (
	"strconv"
	"strings"
)

// Text is one piece of a template's wording, with both its wordings: what staff read and what
// the client reads. Path names it stably (by field key and choice value), so that a practice's
// edits of a built-in's wording still apply when the built-in gains a question.
type Text struct {
	Path   string // "title", "purpose", "fields.KEY.label", "fields.KEY.help", "fields.KEY.choices.VALUE"
	Part   string // what it is, for the editor: "Title", "Question 2", "Question 2, help", "Question 2, option 3"
	Staff  string
	Client string
}

// Wording is a practice's own wording of a built-in: path -> [staff, client].
type Wording map[string][2]string

// Texts lists every text of t with both wordings, in reading order.
func (t Template) Texts() []Text {
	out := []Text{
		{Path: "title", Part: "Title", Staff: t.Title, Client: t.ClientTitle},
		{Path: "purpose", Part: "Purpose", Staff: t.Purpose, Client: t.ClientPurpose},
	}
	for i, f := range t.Fields {
		q := "Question " + strconv.Itoa(i+1)
		pre := "fields." + f.Key + "."
		out = append(out, Text{Path: pre + "label", Part: q, Staff: f.Label, Client: f.ClientLabel},
			Text{Path: pre + "help", Part: q + ", help", Staff: f.Help, Client: f.ClientHelp})
		for j, c := range f.Choices {
			out = append(out, Text{Path: pre + "choices." + c.Value, Part: q + ", option " + strconv.Itoa(j+1), Staff: c.Label, Client: c.ClientLabel})
		}
	}
	return out
}

// WithWording returns a copy of t with the texts w names replaced; paths t does not have are ignored.
func (t Template) WithWording(w Wording) Template {
	set := func(path string, staff, client *string) {
		if v, ok := w[path]; ok {
			*staff, *client = v[0], v[1]
		}
	}
	out := t
	set("title", &out.Title, &out.ClientTitle)
	set("purpose", &out.Purpose, &out.ClientPurpose)
	out.Fields = make([]Field, len(t.Fields))
	for i, f := range t.Fields {
		pre := "fields." + f.Key + "."
		set(pre+"label", &f.Label, &f.ClientLabel)
		set(pre+"help", &f.Help, &f.ClientHelp)
		choices := append([]Choice(nil), f.Choices...)
		for j := range choices {
			set(pre+"choices."+choices[j].Value, &choices[j].Label, &choices[j].ClientLabel)
		}
		f.Choices = choices
		out.Fields[i] = f
	}
	return out
}

// TextProblem checks one text of a template by its path: readable, without special characters,
// within the limit of its kind. It returns "" for a good text.
func TextProblem(path, s string) string {
	switch {
	case path == "title":
		return textProblem(s, TitleMax, false)
	case path == "purpose":
		return textProblem(s, PurposeMax, false)
	case strings.HasSuffix(path, ".help"):
		return textProblem(s, HelpMax, true)
	}
	return textProblem(s, LabelMax, false)
}

// Optional reports whether a text may be left empty (a help line or the purpose).
func (t Text) Optional() bool { return t.Path == "purpose" || strings.HasSuffix(t.Path, ".help") }
