// Package homework holds the pure rules of homework between sessions: templates as data
// (fields and their types), the validation of a client's entry, the built-in templates of
// DOMAIN.md, and an assignment's expected entries, completion rate and status. It knows
// nothing of HTTP or SQL.
package homework

import (
	"math"
	"strconv"
)

// FieldType is the kind of answer a field takes.
type FieldType string

// Field types.
const (
	ShortText    FieldType = "short_text"    // one line, up to 200 characters
	LongText     FieldType = "long_text"     // up to 5000 characters
	Number       FieldType = "number"        // any decimal, within Min/Max when given
	Count        FieldType = "count"         // whole number >= 0 (Max optional, default 1000)
	Minutes      FieldType = "minutes"       // whole number 0..1440
	Rating10     FieldType = "rating_10"     // whole number 0..10
	Rating100    FieldType = "rating_100"    // whole number 0..100
	SingleChoice FieldType = "single_choice" // one of Choices
	MultiChoice  FieldType = "multi_choice"  // any of Choices
	YesNo        FieldType = "yes_no"        // "yes" or "no"
	Date         FieldType = "date"          // YYYY-MM-DD, a real date, year 1900..2200
	Time         FieldType = "time"          // HH:MM 24h
)

// Limits of the field types.
const (
	ShortTextMax = 200  // characters in a short text answer
	LongTextMax  = 5000 // characters in a long text answer
	CountDefault = 1000 // the highest count when a count field sets no Max
	CountLimit   = 1e6  // the highest Max a count field may set
	NumberLimit  = 1e9  // a number answer lies within ±NumberLimit whatever its Min and Max
	MinYear      = 1900 // the earliest year of a date answer
	MaxYear      = 2200 // the latest year of a date answer
)

// TypeOption is a field type with its label for forms.
type TypeOption struct {
	Type  FieldType
	Label string
}

// FieldTypes lists every type with a label for forms, in a sensible order.
func FieldTypes() []TypeOption {
	return []TypeOption{
		{ShortText, "Short answer (one line)"},
		{LongText, "Long answer (paragraphs)"},
		{Rating10, "Rating from 0 to 10"},
		{Rating100, "Rating from 0 to 100"},
		{Count, "Count (how many times)"},
		{Minutes, "Minutes"},
		{Number, "Number"},
		{YesNo, "Yes or no"},
		{SingleChoice, "Choose one option"},
		{MultiChoice, "Choose any options"},
		{Date, "Date"},
		{Time, "Time of day"},
	}
}

// Valid reports whether t is one of the field types.
func (t FieldType) Valid() bool {
	for _, o := range FieldTypes() {
		if o.Type == t {
			return true
		}
	}
	return false
}

// Label returns the form label of t, or t itself when it is unknown.
func (t FieldType) Label() string {
	for _, o := range FieldTypes() {
		if o.Type == t {
			return o.Label
		}
	}
	return string(t)
}

// Choice is one option of a choice field.
type Choice struct {
	Value       string `json:"value"`
	Label       string `json:"label"`                  // staff wording
	ClientLabel string `json:"client_label,omitempty"` // the client's wording; empty: Label
}

// Field is one question of a template.
type Field struct {
	Key   string `json:"key"`   // ^[a-z][a-z0-9_]{0,39}$
	Label string `json:"label"` // staff wording (clinical)
	Help  string `json:"help,omitempty"`
	// ClientLabel and ClientHelp are the client's wording; empty means the staff wording.
	ClientLabel string    `json:"client_label,omitempty"`
	ClientHelp  string    `json:"client_help,omitempty"`
	Type        FieldType `json:"type"`
	Required    bool      `json:"required"`
	Min         *float64  `json:"min,omitempty"`     // numeric types only
	Max         *float64  `json:"max,omitempty"`     // numeric types only
	Choices     []Choice  `json:"choices,omitempty"` // single_choice and multi_choice only
}

// Numeric reports whether answers are numbers (number, count, minutes, ratings): these can feed a goal.
func (f Field) Numeric() bool {
	switch f.Type {
	case Number, Count, Minutes, Rating10, Rating100:
		return true
	}
	return false
}

// whole reports whether answers are whole numbers.
func (f Field) whole() bool { return f.Numeric() && f.Type != Number }

// typeLimits returns the widest bounds a numeric type allows: the limits Min and Max must keep to.
func typeLimits(t FieldType) (lo, hi float64) {
	switch t {
	case Number:
		return -NumberLimit, NumberLimit
	case Count:
		return 0, CountLimit
	case Minutes:
		return 0, 1440
	case Rating10:
		return 0, 10
	case Rating100:
		return 0, 100
	}
	return 0, 0
}

// Bounds returns the effective min and max of a numeric field (type limits combined with Min/Max).
// Min and Max only ever narrow the type's limits; whole-number types round them inwards. A count
// without Max stops at CountDefault. For a field that is not numeric both are 0.
func (f Field) Bounds() (min, max float64) {
	if !f.Numeric() {
		return 0, 0
	}
	lo, hi := typeLimits(f.Type)
	if f.Type == Count && f.Max == nil {
		hi = CountDefault
	}
	// Comparisons with NaN are false, so a NaN bound is ignored here (Check reports it).
	if f.Min != nil && *f.Min > lo {
		lo = *f.Min
	}
	if f.Max != nil && *f.Max < hi {
		hi = *f.Max
	}
	if f.whole() {
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	return lo, hi
}

// Template is a homework template: data, not code.
type Template struct {
	Title   string `json:"title"`   // staff wording
	Purpose string `json:"purpose"` // staff wording
	// ClientTitle and ClientPurpose are the client's wording; empty means the staff wording.
	ClientTitle   string  `json:"client_title,omitempty"`
	ClientPurpose string  `json:"client_purpose,omitempty"`
	Instructions  string  `json:"instructions"`
	Fields        []Field `json:"fields"`
	// Tags say which approaches the template belongs to and what it works on (staff only).
	Tags Tags `json:"tags"`
	// Version is a built-in's version when the copy was taken (0 for a practice's own).
	Version int `json:"version,omitempty"`
}

// NumericFields returns the fields that can feed a goal.
func (t Template) NumericFields() []Field {
	var out []Field
	for _, f := range t.Fields {
		if f.Numeric() {
			out = append(out, f)
		}
	}
	return out
}

// Field returns the field with key k.
func (t Template) Field(k string) (Field, bool) {
	for _, f := range t.Fields {
		if f.Key == k {
			return f, true
		}
	}
	return Field{}, false
}

// FeedsGoal reports whether the field with key k may feed a goal's readings: only a number may.
func (t Template) FeedsGoal(k string) bool {
	f, ok := t.Field(k)
	return ok && f.Numeric()
}

// Answers are a validated entry: key -> normalised answer. Strings for text/choice/yes_no/date/time,
// float64 for numeric types, []string for multi_choice. Missing optional answers are absent.
type Answers map[string]any

// Number returns a numeric answer.
func (a Answers) Number(key string) (float64, bool) {
	v, ok := a[key].(float64)
	return v, ok
}

// Form turns answers back into form values, as Validate reads them: to refill a form with a
// saved draft. It also accepts answers decoded from JSON ([]any for a multi_choice answer).
func (a Answers) Form() map[string][]string {
	out := make(map[string][]string, len(a))
	for k, v := range a {
		switch v := v.(type) {
		case string:
			out[k] = []string{v}
		case float64:
			out[k] = []string{strconv.FormatFloat(v, 'f', -1, 64)}
		case []string:
			out[k] = append([]string(nil), v...)
		case []any:
			var ss []string
			for _, x := range v {
				if s, ok := x.(string); ok {
					ss = append(ss, s)
				}
			}
			out[k] = ss
		}
	}
	return out
}
