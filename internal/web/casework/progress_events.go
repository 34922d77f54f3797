package casework

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// AddEventNote adds a dated note (such as "partner away for work") to every chart of a client.
func (h *Handlers) AddEventNote(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "note_day", "note_text"); err != nil {
		return err
	}
	form := &ui.Form{Values: map[string][]string{"note_day": {c.FormValue("note_day")}, "note_text": {c.FormValue("note_text")}}}
	day := kit.OptionalDate(form, "note_day", c.FormValue("note_day"))
	text := strings.TrimSpace(c.FormValue("note_text"))
	if day == nil && form.Error("note_day") == "" {
		form.Fail("note_day", "Enter the date.")
	}
	if text == "" || utf8.RuneCountInString(text) > 120 {
		form.Fail("note_text", "Write a short note of up to 120 characters, such as \"partner away for work\".")
	}
	if form.HasErrors() {
		return h.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	if err := h.Store.AddEventNote(c.Request().Context(), cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, *day, text,
		changeEntry(c, cl, "event.create", "client", cl.ID, "")); err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "Note added to the charts.")
}
