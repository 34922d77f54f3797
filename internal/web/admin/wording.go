package admin

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

// WordingsPage lists the built-in templates whose two wordings an admin edits.
func (h *Handlers) WordingsPage(c echo.Context) error {
	builtIns, err := h.PracticeBuiltIns(c)
	if err != nil {
		return err
	}
	hidden, err := h.Store.HiddenBuiltins(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return err
	}
	v := view.WordingsView{Page: h.Page(c, "Wording of built-in templates")}
	for _, b := range builtIns {
		v.BuiltIns = append(v.BuiltIns, view.BuiltIn{Key: b.Key, Title: b.Template.Title, ClientTitle: b.Template.ClientWorded().Title,
			Version: b.Version, Hidden: hidden[b.Key]})
	}
	return h.Render(c, http.StatusOK, view.Wordings(v))
}

// builtInFor finds the built-in the path names, in the practice's wording.
func (h *Handlers) builtInFor(c echo.Context) (homework.BuiltIn, error) {
	builtIns, err := h.PracticeBuiltIns(c)
	if err != nil {
		return homework.BuiltIn{}, err
	}
	for _, b := range builtIns {
		if b.Key == c.Param("key") {
			return b, nil
		}
	}
	return homework.BuiltIn{}, echo.ErrNotFound
}

// WordingPage shows both wordings of every text of one built-in.
func (h *Handlers) WordingPage(c echo.Context) error {
	b, err := h.builtInFor(c)
	if err != nil {
		return err
	}
	form := &ui.Form{Values: map[string][]string{}}
	for i, t := range b.Template.Texts() {
		form.Values.Set(staffField(i), t.Staff)
		form.Values.Set(clientField(i), t.Client)
	}
	return h.renderWording(c, http.StatusOK, b, form)
}

func (h *Handlers) renderWording(c echo.Context, status int, b homework.BuiltIn, form *ui.Form) error {
	v := view.WordingView{Page: h.Page(c, "Wording: "+b.Template.Title), Form: form, Key: b.Key, Title: b.Template.Title}
	for i, t := range b.Template.Texts() {
		v.Texts = append(v.Texts, view.Text{Path: t.Path, Part: t.Part, Staff: staffField(i), Client: clientField(i)})
	}
	return h.Render(c, status, view.Wording(v))
}

func staffField(i int) string  { return fmt.Sprintf("s_%d", i) }
func clientField(i int) string { return fmt.Sprintf("c_%d", i) }

// SaveWording stores both wordings of every text of one built-in, or (action=reset) goes back
// to the shipped wording. What the client would read is refused when it holds a revealing word.
func (h *Handlers) SaveWording(c echo.Context) error {
	b, err := h.builtInFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "s_*", "c_*", "action"); err != nil {
		return err
	}
	u := kit.CurrentUser(c)
	ctx := c.Request().Context()
	entry := store.AuditEntry{Action: "wording.save", EntityType: "builtin_template", EntityID: b.Key}
	if c.FormValue("action") == "reset" {
		if err := h.Store.ResetBuiltinWording(ctx, u.PracticeID, b.Key); err != nil {
			return err
		}
		entry.Action = "wording.reset"
		if err := h.Audit(c, entry); err != nil {
			return err
		}
		return h.Flash(c, "/admin/wording", "The shipped wording applies again.")
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	texts, changed := checkWording(form, b.Template.Texts())
	if form.HasErrors() {
		return h.renderWording(c, http.StatusUnprocessableEntity, b, form)
	}
	if err := h.Store.SaveBuiltinWording(ctx, u.PracticeID, u.ID, b.Key, texts); err != nil {
		return err
	}
	entry.Detail = strconv.Itoa(changed) + " texts changed"
	if err := h.Audit(c, entry); err != nil {
		return err
	}
	return h.Flash(c, "/admin/wording", "Wording saved. Homework assigned from now on uses it; homework already assigned keeps its wording.")
}
