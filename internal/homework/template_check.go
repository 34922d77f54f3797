package homework

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Limits of a template definition.
const (
	MaxFields       = 30   // questions in a template
	TitleMax        = 120  // characters in a title
	PurposeMax      = 300  // characters in a purpose line
	InstructionsMax = 3000 // characters of instructions
	LabelMax        = 200  // characters in a question or option label
	HelpMax         = 500  // characters of help text
	KeyMax          = 40   // characters in a field key
	ChoiceValueMax  = 100  // characters in an option's value
	MaxChoices      = 50   // options of a choice question
)

// Check validates a template definition as a counsellor wrote it and returns a message per
// problem, keyed "title", "purpose", "instructions", "fields", or "fields.N.key", "fields.N.label",
// "fields.N.help", "fields.N.type", "fields.N.choices", "fields.N.min" and "fields.N.max" (N the
// 0-based index) for problems of one field.
func (t Template) Check() map[string]string {
	p := map[string]string{}
	if strings.TrimSpace(t.Title) == "" {
		p["title"] = "Give the template a title."
	} else if msg := textProblem(t.Title, TitleMax, false); msg != "" {
		p["title"] = msg
	}
	if msg := textProblem(t.Purpose, PurposeMax, false); msg != "" {
		p["purpose"] = msg
	}
	if msg := textProblem(t.ClientTitle, TitleMax, false); msg != "" {
		p["client_title"] = msg
	}
	if msg := textProblem(t.ClientPurpose, PurposeMax, false); msg != "" {
		p["client_purpose"] = msg
	}
	if msg := textProblem(t.Instructions, InstructionsMax, true); msg != "" {
		p["instructions"] = msg
	}
	for k, msg := range t.Tags.Check() {
		p[k] = msg
	}
	switch n := len(t.Fields); {
	case n == 0:
		p["fields"] = "Add at least one question."
	case n > MaxFields:
		p["fields"] = fmt.Sprintf("Use no more than %d questions (there are %d).", MaxFields, n)
	}
	seen := map[string]bool{}
	for i, f := range t.Fields {
		at := func(part string) string { return fmt.Sprintf("fields.%d.%s", i, part) }
		switch {
		case !validKey(f.Key):
			p[at("key")] = fmt.Sprintf("Use a key of up to %d lower-case letters, digits and underscores, starting with a letter.", KeyMax)
		case seen[f.Key]:
			p[at("key")] = "Another question already uses this key."
		case ReservedKey(f.Key):
			p[at("key")] = "This key is used by the form itself; choose another."
		}
		seen[f.Key] = true
		if strings.TrimSpace(f.Label) == "" {
			p[at("label")] = "Write the question."
		} else if msg := textProblem(f.Label, LabelMax, false); msg != "" {
			p[at("label")] = msg
		}
		if msg := textProblem(f.Help, HelpMax, true); msg != "" {
			p[at("help")] = msg
		}
		if msg := textProblem(f.ClientLabel, LabelMax, false); msg != "" {
			p[at("client_label")] = msg
		}
		if msg := textProblem(f.ClientHelp, HelpMax, true); msg != "" {
			p[at("client_help")] = msg
		}
		if !f.Type.Valid() {
			p[at("type")] = "Choose one of the question types."
			continue
		}
		if msg := f.choicesProblem(); msg != "" {
			p[at("choices")] = msg
		}
		for part, msg := range f.boundsProblems() {
			p[at(part)] = msg
		}
	}
	return p
}

// ReservedKey reports whether k names one of the client form's own fields, which no
// question may use.
func ReservedKey(k string) bool {
	switch k {
	case "action", "entry_date", "idempotency_key", "link_id":
		return true
	}
	return false
}

// validKey reports whether k matches ^[a-z][a-z0-9_]{0,39}$.
func validKey(k string) bool {
	if k == "" || len(k) > KeyMax || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// textProblem checks a piece of template text: readable, no special characters (newlines and
// tabs allowed when multiline), at most limit characters.
func textProblem(s string, limit int, multiline bool) string {
	switch {
	case !utf8.ValidString(s):
		return "Some characters could not be read. Please type this again."
	case multiline && hasControl(s, "\r\n\t"), !multiline && hasControl(s, ""):
		return "Please remove the special characters."
	case runes(s) > limit:
		return fmt.Sprintf("Please keep this to %d characters or fewer (it has %d).", limit, runes(s))
	}
	return ""
}

// choicesProblem checks the options of a field: two or more for a choice question, none for others.
func (f Field) choicesProblem() string {
	if f.Type != SingleChoice && f.Type != MultiChoice {
		if len(f.Choices) > 0 {
			return "Only choice questions have options."
		}
		return ""
	}
	if len(f.Choices) < 2 {
		return "Give at least two options to choose from."
	}
	if len(f.Choices) > MaxChoices {
		return fmt.Sprintf("Give no more than %d options.", MaxChoices)
	}
	seen := map[string]bool{}
	for _, c := range f.Choices {
		switch {
		case strings.TrimSpace(c.Value) == "":
			return "Every option needs a value."
		case c.Value != strings.TrimSpace(c.Value), textProblem(c.Value, ChoiceValueMax, false) != "":
			return fmt.Sprintf("Option values must be plain text of up to %d characters, without spaces at either end.", ChoiceValueMax)
		case seen[c.Value]:
			return fmt.Sprintf("Two options share the value %q: each needs its own.", c.Value)
		case strings.TrimSpace(c.Label) == "":
			return "Every option needs a label."
		case textProblem(c.Label, LabelMax, false) != "", textProblem(c.ClientLabel, LabelMax, false) != "":
			return fmt.Sprintf("Option labels must be plain text of up to %d characters.", LabelMax)
		}
		seen[c.Value] = true
	}
	return ""
}

// boundsProblems checks Min and Max: only on numeric types, within the type's limits, whole for
// whole-number types, and not crossed.
func (f Field) boundsProblems() map[string]string {
	p := map[string]string{}
	if !f.Numeric() {
		if f.Min != nil {
			p["min"] = "Only number questions can have a lowest value."
		}
		if f.Max != nil {
			p["max"] = "Only number questions can have a highest value."
		}
		return p
	}
	lo, hi := typeLimits(f.Type)
	limit := fmt.Sprintf("For this type, use a value from %s to %s.", formatNumber(lo), formatNumber(hi))
	one := func(part string, v *float64) {
		switch {
		case v == nil:
		case math.IsNaN(*v) || *v < lo || *v > hi:
			p[part] = limit
		case f.whole() && *v != math.Trunc(*v):
			p[part] = "Use a whole number for this type."
		}
	}
	one("min", f.Min)
	one("max", f.Max)
	if len(p) > 0 {
		return p
	}
	if min, max := f.Bounds(); min > max {
		p["min"] = fmt.Sprintf("The lowest value must not be above the highest (%s).", formatNumber(max))
	}
	return p
}
