package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// numberFormatView is the practice's decimal separator, for the settings page.
type numberFormatView struct{ DecimalComma bool }

// numberFormat reads the practice's decimal separator.
func (s *Server) numberFormat(c echo.Context) (numberFormatView, error) {
	on, err := s.store.DecimalComma(c.Request().Context(), currentUser(c).PracticeID)
	return numberFormatView{DecimalComma: on}, err
}

// updateNumberFormat saves whether the practice writes decimals with a comma.
func (s *Server) updateNumberFormat(c echo.Context) error {
	if err := onlyFields(c, "decimal_comma"); err != nil {
		return err
	}
	v := c.FormValue("decimal_comma")
	if v != "true" && v != "false" {
		return echo.NewHTTPError(422, "choose a point or a comma")
	}
	if err := s.store.SetDecimalComma(c.Request().Context(), currentUser(c).PracticeID, v == "true"); err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "practice.update", EntityType: "practice", Detail: "decimal_comma=" + v}); err != nil {
		return err
	}
	return s.flash(c, "/admin/practice", "Number format saved.")
}

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
