package kit

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// LinkNote tells the counsellor whether the client's link shows new homework or a check-in.
func (k *Kit) LinkNote(c echo.Context, cl store.Client) string {
	st, err := k.Store.ClientLinkState(c.Request().Context(), cl.PracticeID, cl.ID)
	if err == nil && (st.Current != nil || st.Older > 0) {
		return "The client's private link shows it now."
	}
	return "The client has no live link yet: issue one under Private link on the client's page."
}
