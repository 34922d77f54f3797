package kit

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
)

// PracticeBuiltIns returns the built-in templates in the practice's own wording, where an
// admin changed it.
func (k *Kit) PracticeBuiltIns(c echo.Context) ([]homework.BuiltIn, error) {
	own, err := k.Store.BuiltinWordings(c.Request().Context(), CurrentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	out := homework.BuiltIns()
	for i, b := range out {
		if w, ok := own[b.Key]; ok {
			out[i].Template = b.Template.WithWording(w)
		}
	}
	return out, nil
}
