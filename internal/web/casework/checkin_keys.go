package casework

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// checkinLinkNote tells the counsellor whether the client's link shows the check-in.
func (h *Handlers) checkinLinkNote(c echo.Context, cl store.Client) string {
	st, err := h.Store.ClientLinkState(c.Request().Context(), cl.PracticeID, cl.ID)
	if err == nil && (st.Current != nil || st.Older > 0) {
		return "The client's private link shows it now."
	}
	return "The client has no live link yet: issue one under Private link on the client's page."
}
