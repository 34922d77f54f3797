package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// home is the signed-in start page.
func (s *Server) home(c echo.Context) error {
	u := currentUser(c)
	practice, err := s.store.Practice(c.Request().Context(), u.PracticeID)
	if err != nil {
		return err
	}
	p := s.page(c, "Home")
	p.Data = struct{ PracticeName string }{practice.Name}
	return s.render(c, http.StatusOK, "home", p)
}
