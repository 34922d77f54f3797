package dashboard

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// MaxSnoozeDays is how far ahead an item may be snoozed.
const MaxSnoozeDays = 90

// Snooze hides one part of a client's queue until a date: not a risk flag nor an item 9
// answer, which stay until reviewed. The client must be in the user's scope (404 otherwise).
func (h *Handlers) Snooze(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "kind", "label", "until"); err != nil {
		return err
	}
	kind, label, until := c.FormValue("kind"), c.FormValue("label"), strings.TrimSpace(c.FormValue("until"))
	form := &ui.Form{Values: map[string][]string{"kind": {kind}, "label": {label}, "until": {until}}}
	key := partKey(cl.ID, kind, label)
	if !store.Snoozable(kind) {
		form.Fail("until", "Risk flags and PHQ-9 item 9 answers cannot be snoozed: they stay until a counsellor has reviewed them.")
		return h.render(c, http.StatusUnprocessableEntity, form, key)
	}
	today, loc, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	day := kit.OptionalDate(form, "until", until)
	switch {
	case form.HasErrors():
	case day == nil:
		form.Fail("until", "Choose the date the item should come back.")
	case !day.After(today):
		form.Fail("until", "Choose a date after today.")
	case day.After(today.AddDate(0, 0, MaxSnoozeDays)):
		form.Fail("until", "Choose a date within 90 days.")
	}
	if form.HasErrors() {
		return h.render(c, http.StatusUnprocessableEntity, form, key)
	}
	back := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
	u := kit.CurrentUser(c)
	_, err = h.Store.SnoozeAttention(c.Request().Context(), cl.PracticeID, cl.ID, kind, label, back, u.ID,
		kit.AuditEntry(c, store.AuditEntry{Action: "attention.snooze", EntityType: "client", EntityID: c.Param("id")}))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, "/", "Nothing of that was left to snooze.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, "/", "Snoozed until "+day.Format("2 Jan 2006")+".")
}
