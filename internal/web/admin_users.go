package web

import (
	"errors"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// targetUser loads the user named in the path, within the admin's practice only. The staff
// account pages moved to internal/web/admin; the admin's reset of a user's second factor
// (two_factor_reset.go) still reads it here.
func (s *Server) targetUser(c echo.Context) (store.User, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return store.User{}, echo.ErrNotFound
	}
	u, err := s.store.User(c.Request().Context(), currentUser(c).PracticeID, id)
	if errors.Is(err, store.ErrNotFound) {
		return u, echo.ErrNotFound
	}
	return u, err
}
