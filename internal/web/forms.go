package web

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
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

// Fail sets the message for field name.
func (f *Form) Fail(name, message string) {
	if f.Errors == nil {
		f.Errors = map[string]string{}
	}
	if _, ok := f.Errors[name]; !ok {
		f.Errors[name] = message
	}
}

// newValidator returns a validator that names fields by their form tag.
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		return name
	})
	return v
}

// bindForm reads the posted form into dst (a struct with form and validate tags, never a
// database model), validates it, and returns the Form to re-render with messages.
func (s *Server) bindForm(c echo.Context, dst any) (*Form, error) {
	values, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(400).SetInternal(err)
	}
	f := &Form{Values: values}
	if err := knownFields(values, dst, nil); err != nil {
		return nil, err
	}
	if err := (&echo.DefaultBinder{}).BindBody(c, dst); err != nil {
		f.Fail("_form", "Some values could not be read. Please check them and try again.")
		return f, nil
	}
	return f, s.check(f, dst, nil)
}

// knownFields refuses form fields that dst's form tags (and extra) do not name.
func knownFields(values url.Values, dst any, extra []string) error {
	allowed := append([]string{"_csrf"}, extra...)
	t := reflect.TypeOf(dst).Elem()
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("form"), ","); name != "" && name != "-" {
			allowed = append(allowed, name)
		}
	}
	for k := range values {
		if !fieldAllowed(k, allowed) {
			return errUnknownField
		}
	}
	return nil
}

// bindFormPartial is bindForm for a form that posts only some of dst's fields (by Go name),
// plus the extra fields named.
func (s *Server) bindFormPartial(c echo.Context, dst any, fields []string, extra ...string) (*Form, error) {
	values, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(400).SetInternal(err)
	}
	if err := knownFields(values, dst, extra); err != nil {
		return nil, err
	}
	f := &Form{Values: values}
	if err := (&echo.DefaultBinder{}).BindBody(c, dst); err != nil {
		f.Fail("_form", "Some values could not be read. Please check them and try again.")
		return f, nil
	}
	return f, s.check(f, dst, fields)
}

// check trims dst's strings and validates it (only fields, when given), noting messages on f.
func (s *Server) check(f *Form, dst any, fields []string) error {
	for name, vs := range f.Values {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				f.Fail(name, "This contains characters we cannot read. Please retype it.")
			}
		}
	}
	trimStrings(dst)
	var err error
	if fields != nil {
		err = s.validate.StructPartial(dst, fields...)
	} else {
		err = s.validate.Struct(dst)
	}
	if err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			return fmt.Errorf("validate: %w", err)
		}
		for _, fe := range verrs {
			f.Fail(fe.Field(), validationMessage(fe))
		}
	}
	return nil
}

// trimStrings trims spaces around every string field, except passwords.
func trimStrings(dst any) {
	v := reflect.ValueOf(dst).Elem()
	for i := 0; i < v.NumField(); i++ {
		fv, ft := v.Field(i), v.Type().Field(i)
		if fv.Kind() == reflect.String && fv.CanSet() && !strings.Contains(ft.Tag.Get("form"), "password") && ft.Tag.Get("trim") != "no" {
			fv.SetString(strings.TrimSpace(fv.String()))
		}
	}
}

// validationMessage words a validation failure for the person filling the form.
func validationMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "This field is required."
	case "email":
		return "Enter an email address like name@example.com."
	case "max", "min", "lte", "gte":
		numeric := fe.Kind() >= reflect.Int && fe.Kind() <= reflect.Float64
		switch {
		case numeric && (fe.Tag() == "max" || fe.Tag() == "lte"):
			return fmt.Sprintf("Enter a number no more than %s.", fe.Param())
		case numeric:
			return fmt.Sprintf("Enter a number no less than %s.", fe.Param())
		case fe.Tag() == "max" || fe.Tag() == "lte":
			return fmt.Sprintf("Use at most %s characters.", fe.Param())
		}
		return fmt.Sprintf("Use at least %s characters.", fe.Param())
	case "oneof":
		return "Choose one of the options."
	}
	return "This value is not valid."
}
