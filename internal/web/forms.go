package web

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/templates/ui"
)

// Form carries what the user typed and a message per field, for re-rendering.
type Form = ui.Form

// bindForm reads the posted form into dst (a struct with form and validate tags, never a
// database model), validates it, and returns the Form to re-render with messages.
func (s *Server) bindForm(c echo.Context, dst any) (*Form, error) { return s.kit.Bind(c, dst) }

// bindFormPartial is bindForm for a form that posts only some of dst's fields (by Go name),
// plus the extra fields named.
func (s *Server) bindFormPartial(c echo.Context, dst any, fields []string, extra ...string) (*Form, error) {
	return s.kit.BindPartial(c, dst, fields, extra...)
}
