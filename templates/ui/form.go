// Package ui holds the small components every page is built from (labelled fields,
// choices, form errors, pager) and the view types they take.
package ui

import (
	"net/url"
	"slices"
)

// Form carries what the user typed and a message per field, for re-rendering.
type Form struct {
	Values url.Values
	Errors map[string]string
}

// Value returns what the user typed in field name.
func (f *Form) Value(name string) string {
	if f == nil || f.Values == nil {
		return ""
	}
	return f.Values.Get(name)
}

// Error returns the message for field name, or "".
func (f *Form) Error(name string) string {
	if f == nil {
		return ""
	}
	return f.Errors[name]
}

// HasErrors reports whether any field has a message.
func (f *Form) HasErrors() bool { return f != nil && len(f.Errors) > 0 }

// Fail sets the message for field name, keeping the first message a field got.
func (f *Form) Fail(name, message string) {
	if f.Errors == nil {
		f.Errors = map[string]string{}
	}
	if _, ok := f.Errors[name]; !ok {
		f.Errors[name] = message
	}
}

// Option is one choice of a select, radio group or checkbox group.
type Option struct {
	Value, Label string
}

// Field is one labelled input.
type Field struct {
	Form         *Form
	Name, Label  string
	Type         string // "text" when empty
	Autocomplete string
	Required     bool
	Hint         string
	Value        string // shown when the form has no value of its own (not for passwords)
}

// Choice is a textarea, a select, a radio group or a checkbox group with its selection.
type Choice struct {
	Form        *Form
	Name, Label string
	Value, Hint string // a textarea's text
	Options     []Option
	Selected    []string
}

// IsSelected reports whether v is among the choice's selected values.
func (c Choice) IsSelected(v string) bool { return slices.Contains(c.Selected, v) }

// Err is the field's message, or "".
func (c Choice) Err() string { return c.Form.Error(c.Name) }

// ID is the field's element id.
func (c Choice) ID() string { return "f-" + c.Name }
