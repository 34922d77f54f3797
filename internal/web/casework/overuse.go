package casework

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// overuseDays is how far back the client page looks for days of over-use.
const overuseDays = 14

// overuseNotes words the client's recent days of over-use, latest first:
// "Sent 9 entries on 3 Dec, more than the 5 a day you set beyond what was assigned (1)".
func (h *Handlers) overuseNotes(c echo.Context, cl store.Client) ([]string, error) {
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return nil, err
	}
	days, err := h.Store.OveruseDays(c.Request().Context(), cl.PracticeID, cl.ID, today.AddDate(0, 0, -overuseDays))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range days {
		out = append(out, fmt.Sprintf("Sent %d entries on %s, more than the %d a day you set beyond the %d assigned.",
			d.Sent, d.Day.UTC().Format("2 Jan"), d.Threshold, d.Assigned))
	}
	return out, nil
}
