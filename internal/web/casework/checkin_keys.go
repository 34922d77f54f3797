package casework

import (
	"crypto/rand"
	"encoding/hex"

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

// newCheckinKey returns a fresh request key the progress page's forms post once, so that a
// retried POST is seen as the same request.
func newCheckinKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// validCheckinKey reports whether key looks like one newCheckinKey makes: 32 lower-case hex digits.
func validCheckinKey(key string) bool {
	if len(key) != 32 {
		return false
	}
	for _, r := range key {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}
