package web

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
)

// practiceBuiltIns returns the built-in templates in the practice's own wording, where an
// admin changed it. The wording pages moved to internal/web/admin (which reads
// kit.PracticeBuiltIns); assigning homework (assignment_templates.go) still reads this one.
func (s *Server) practiceBuiltIns(c echo.Context) ([]homework.BuiltIn, error) {
	return s.kit.PracticeBuiltIns(c)
}
