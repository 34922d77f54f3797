package web

import (
	"strings"

	"github.com/securebase/securebase/internal/casework"
)

// localFormat shows a number back in a form in the practice's locale.
func localFormat(n *float64, decimalComma bool) string {
	s := formatNumber(n)
	if decimalComma {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// localNumber reads an optional number typed in the practice's locale, failing the field with a clear
// message (the typed input stays in the form) when it is not a number or could be read two ways.
func localNumber(f *Form, field, v string, decimalComma bool) *float64 {
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
