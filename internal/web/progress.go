package web

import (
	"encoding/json"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
)

// conventionsOf reads the practice's reliable-change conventions (the exports read them;
// the progress page moved to internal/web/casework and uses kit.ConventionsOf).
func (s *Server) conventionsOf(c echo.Context) (measures.Conventions, error) {
	raw, err := s.store.Conventions(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	conv := measures.Conventions{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &conv); err != nil {
			return nil, fmt.Errorf("conventions: %w", err)
		}
	}
	return conv, nil
}
