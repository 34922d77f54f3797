package kit

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/templates/ui"
)

// ErrUnknownField answers a form that posts a field its handler does not read.
var ErrUnknownField = echo.NewHTTPError(http.StatusBadRequest, "unknown field")

// NewValidator returns a validator that names fields by their form tag.
func NewValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		return name
	})
	return v
}

// Bind reads the posted form into dst (a struct with form and validate tags, never a
// database model), validates it, and returns the Form to re-render with messages.
func (k *Kit) Bind(c echo.Context, dst any) (*ui.Form, error) {
	return k.bind(c, dst, nil, nil)
}

// BindPartial is Bind for a form that posts only some of dst's fields (by Go name), plus
// the extra fields named.
func (k *Kit) BindPartial(c echo.Context, dst any, fields []string, extra ...string) (*ui.Form, error) {
	return k.bind(c, dst, fields, extra)
}

func (k *Kit) bind(c echo.Context, dst any, fields, extra []string) (*ui.Form, error) {
	values, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	if err := KnownFields(values, dst, extra); err != nil {
		return nil, err
	}
	f := &ui.Form{Values: values}
	if err := (&echo.DefaultBinder{}).BindBody(c, dst); err != nil {
		f.Fail("_form", "Some values could not be read. Please check them and try again.")
		return f, nil
	}
	return f, k.Check(f, dst, fields)
}

// KnownFields refuses form fields that dst's form tags (and extra) do not name.
func KnownFields(values url.Values, dst any, extra []string) error {
	allowed := append([]string{"_csrf"}, extra...)
	t := reflect.TypeOf(dst).Elem()
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("form"), ","); name != "" && name != "-" {
			allowed = append(allowed, name)
		}
	}
	for name := range values {
		if !FieldAllowed(name, allowed) {
			return ErrUnknownField
		}
	}
	return nil
}

// FieldAllowed reports whether name matches one of patterns ("goal_*" matches a prefix).
func FieldAllowed(name string, patterns []string) bool {
	for _, p := range patterns {
		if p == name || strings.HasSuffix(p, "*") && strings.HasPrefix(name, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

// Check trims dst's strings and validates it (only fields, when given), noting messages on f.
func (k *Kit) Check(f *ui.Form, dst any, fields []string) error {
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
		err = k.Validate.StructPartial(dst, fields...)
	} else {
		err = k.Validate.Struct(dst)
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
