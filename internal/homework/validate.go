package homework

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FormKey is the problem key for the form as a whole rather than one field.
const FormKey = "_form"

// Messages a client may see beside a field.
const (
	msgRequired    = "Please answer this question."
	msgOneValue    = "Please give just one answer here."
	msgUnreadable  = "Some characters in this answer could not be read. Please type it again."
	msgOneLine     = "Please keep this to one line, without tabs or special characters."
	msgSpecial     = "Please remove the special characters from this answer."
	msgChoice      = "Please choose one of the options given."
	msgYesNo       = "Please choose yes or no."
	msgDateFormat  = "Please enter the date as year-month-day, for example 2026-03-15."
	msgDateMissing = "This date does not exist. Please check the day and the month."
	msgTime        = "Please enter a time between 00:00 and 23:59, for example 18:30."
	msgNotSetUp    = "This question cannot be answered yet."
	msgUnknownKeys = "This form has fields we do not recognise."
)

// Validate reads raw form values (key -> submitted strings, as url.Values gives them) for the
// template's fields and returns the normalised answers of the valid ones and a message per field
// key for every problem; a value for a key the template does not have is reported under FormKey.
// With draft true required fields may be empty, but anything present must still be valid. Pass
// only the answers: not the CSRF token or other controls of the page.
func (t Template) Validate(values map[string][]string, draft bool) (Answers, map[string]string) {
	answers := Answers{}
	problems := map[string]string{}
	known := make(map[string]bool, len(t.Fields))
	for _, f := range t.Fields {
		if known[f.Key] {
			continue // a duplicate key (Check refuses those): the first field wins
		}
		known[f.Key] = true
		v, present, msg := f.read(values[f.Key])
		switch {
		case msg != "":
			problems[f.Key] = msg
		case present:
			answers[f.Key] = v
		case f.Required && !draft:
			problems[f.Key] = msgRequired
		}
	}
	for k := range values {
		if !known[k] {
			problems[FormKey] = msgUnknownKeys
			break
		}
	}
	return answers, problems
}

// read validates the submitted strings of one field: the normalised answer, whether there is
// one at all, or a message.
func (f Field) read(raw []string) (v any, present bool, msg string) {
	if f.Type == MultiChoice {
		return f.readMulti(raw)
	}
	if len(raw) == 0 {
		return nil, false, ""
	}
	if len(raw) > 1 {
		return nil, false, msgOneValue
	}
	s := raw[0]
	if !utf8.ValidString(s) {
		return nil, false, msgUnreadable
	}
	if f.Type == LongText {
		s = normaliseNewlines(s)
		if strings.TrimSpace(s) == "" {
			return nil, false, ""
		}
		if hasControl(s, "\n\t") {
			return nil, false, msgSpecial
		}
		if n := runes(s); n > LongTextMax {
			return nil, false, tooLong(LongTextMax, n)
		}
		return s, true, ""
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false, ""
	}
	switch f.Type {
	case ShortText:
		if hasControl(s, "") {
			return nil, false, msgOneLine
		}
		if n := runes(s); n > ShortTextMax {
			return nil, false, tooLong(ShortTextMax, n)
		}
		return s, true, ""
	case Number, Count, Minutes, Rating10, Rating100:
		n, msg := f.readNumber(s)
		if msg != "" {
			return nil, false, msg
		}
		return n, true, ""
	case SingleChoice:
		for _, c := range f.Choices {
			if c.Value == s {
				return s, true, ""
			}
		}
		return nil, false, msgChoice
	case YesNo:
		if l := strings.ToLower(s); l == "yes" || l == "no" {
			return l, true, ""
		}
		return nil, false, msgYesNo
	case Date:
		switch parseDate(s) {
		case dateOK:
			return s, true, ""
		case dateImpossible:
			return nil, false, msgDateMissing
		case dateOutOfRange:
			return nil, false, fmt.Sprintf("Please choose a date between the years %d and %d.", MinYear, MaxYear)
		}
		return nil, false, msgDateFormat
	case Time:
		if c, ok := parseClock(s); ok {
			return c, true, ""
		}
		return nil, false, msgTime
	}
	return nil, false, msgNotSetUp
}

// readMulti validates the values of a multi_choice field: empty values are ignored (a form may
// send one to say the field was shown), repeats count once, and the answer follows the order of
// the choices.
func (f Field) readMulti(raw []string) (v any, present bool, msg string) {
	picked := map[string]bool{}
	for _, s := range raw {
		if !utf8.ValidString(s) {
			return nil, false, msgUnreadable
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		found := false
		for _, c := range f.Choices {
			if c.Value == s {
				found = true
				break
			}
		}
		if !found {
			return nil, false, msgChoice
		}
		picked[s] = true
	}
	if len(picked) == 0 {
		return nil, false, ""
	}
	out := make([]string, 0, len(picked))
	for _, c := range f.Choices {
		if picked[c.Value] {
			out = append(out, c.Value)
			delete(picked, c.Value) // a duplicate choice value (Check refuses those) counts once
		}
	}
	return out, true, ""
}

// readNumber parses a numeric answer and checks it against the field's bounds. Only Number takes
// a fraction, with a point or a comma; whole-number types take digits only, so that "1,000" or
// "1.000" is never read as one.
func (f Field) readNumber(s string) (float64, string) {
	lo, hi := f.Bounds()
	if f.whole() {
		v, frac, ok := parseDecimal(s, false)
		switch {
		case !ok:
			return 0, fmt.Sprintf("Please enter a whole number from %s to %s.", formatNumber(lo), formatNumber(hi))
		case frac:
			return 0, fmt.Sprintf("Please use a whole number from %s to %s, without decimals.", formatNumber(lo), formatNumber(hi))
		case v < lo || v > hi:
			return 0, fmt.Sprintf("Choose a whole number from %s to %s.", formatNumber(lo), formatNumber(hi))
		}
		return v, ""
	}
	v, _, ok := parseDecimal(s, true)
	if ok && v >= lo && v <= hi {
		return v, ""
	}
	verb := "Choose"
	if !ok {
		verb = "Please enter"
	}
	switch {
	case f.Min != nil && f.Max != nil:
		return 0, fmt.Sprintf("%s a number from %s to %s.", verb, formatNumber(lo), formatNumber(hi))
	case f.Min != nil:
		return 0, fmt.Sprintf("%s a number of %s or more.", verb, formatNumber(lo))
	case f.Max != nil:
		return 0, fmt.Sprintf("%s a number of %s or less.", verb, formatNumber(hi))
	case !ok:
		return 0, "Please enter a number, for example 7 or 2.5."
	}
	return 0, "This number is too large to record."
}

// tooLong is the message for an answer of n characters over the limit.
func tooLong(limit, n int) string {
	return fmt.Sprintf("Please keep this to %d characters or fewer (it has %d).", limit, n)
}
