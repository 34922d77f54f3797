// Package questions renders the questions a client answers: homework fields and the
// optional difficulty question of a questionnaire. The client's forms and the staff
// preview of a template share them.
package questions

import (
	"github.com/a-h/templ"

	"slices"
	"strconv"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/templates/ui"
)

// Question is one homework field with what was typed into it.
type Question struct {
	Form  *ui.Form
	Field homework.Field
}

// ID is the question's element id.
func (q Question) ID() string { return "q-" + q.Field.Key }

// Err is the question's message, or "".
func (q Question) Err() string { return q.Form.Error(q.Field.Key) }

// Value is what was typed.
func (q Question) Value() string { return q.Form.Value(q.Field.Key) }

// Ticked reports whether v is among the values posted for the question.
func (q Question) Ticked(v string) bool {
	if q.Form == nil {
		return false
	}
	return slices.Contains(q.Form.Values[q.Field.Key], v)
}

// IsGroup reports whether the question is a set of radio buttons or checkboxes.
func (q Question) IsGroup() bool {
	switch q.Field.Type {
	case homework.Rating10, homework.SingleChoice, homework.MultiChoice, homework.YesNo:
		return true
	}
	return false
}

// DescribedBy is the id of the message or help describing the question, or "".
func (q Question) DescribedBy() string {
	switch {
	case q.Err() != "":
		return q.ID() + "-error"
	case q.Field.Help != "":
		return q.ID() + "-help"
	}
	return ""
}

// Is reports whether the question is of type t.
func (q Question) Is(t homework.FieldType) bool { return q.Field.Type == t }

// Min and Max are a numeric question's bounds, as attribute values.
func (q Question) Min() string { lo, _ := q.Field.Bounds(); return number(lo) }

// Max is the numeric question's upper bound, as an attribute value.
func (q Question) Max() string { _, hi := q.Field.Bounds(); return number(hi) }

// Scale is the values of a 0 to 10 rating.
func (q Question) Scale() []string {
	out := make([]string, 11)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Difficulty is the optional last question of a questionnaire with what was chosen.
type Difficulty struct {
	Form *ui.Form
	D    measures.Difficulty
}

// Err is the question's message, or "".
func (d Difficulty) Err() string { return d.Form.Error(d.D.Key) }

// Chosen reports whether option value v was chosen.
func (d Difficulty) Chosen(v int) bool { return d.Form.Value(d.D.Key) == strconv.Itoa(v) }

// attrs are the required and described-by attributes of a single input.
func attrs(q Question) templ.Attributes {
	a := templ.Attributes{}
	if q.Field.Required {
		a["required"] = true
	}
	if q.Err() != "" {
		a["aria-invalid"] = "true"
		a["aria-describedby"] = q.ID() + "-error"
	} else if q.Field.Help != "" {
		a["aria-describedby"] = q.ID() + "-help"
	}
	return a
}
