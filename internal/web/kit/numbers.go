package kit

import (
	"strconv"
	"strings"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/templates/ui"
)

// FormatNumber shows a number field's value back in a form; nil is "".
func FormatNumber(n *float64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatFloat(*n, 'f', -1, 64)
}

// LocalFormat shows a number back in a form in the practice's locale.
func LocalFormat(n *float64, decimalComma bool) string {
	s := FormatNumber(n)
	if decimalComma {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// LocalNumber reads an optional number typed in the practice's locale, failing the field with a clear
// message (the typed input stays in the form) when it is not a number or could be read two ways.
func LocalNumber(f *ui.Form, field, v string, decimalComma bool) *float64 {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	n, err := casework.ParseNumber(v, decimalComma)
	if err != nil {
		f.Fail(field, casework.NumberMessage(err, decimalComma))
		return nil
	}
	return &n
}
