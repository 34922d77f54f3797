package homework

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/homework"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// Templates lists every template the practice may assign, with what each asks.
func (h *Handlers) Templates(c echo.Context) error {
	choices, err := h.assignableTemplates(c)
	if err != nil {
		return err
	}
	u := kit.CurrentUser(c)
	own, err := h.Store.HomeworkTemplates(c.Request().Context(), u.PracticeID)
	if err != nil {
		return err
	}
	editable := map[string]bool{}
	for _, t := range own {
		editable[fmt.Sprintf("practice:%d", t.ID)] = mayEditTemplate(u, t)
	}
	v := view.TemplatesView{Page: h.Page(c, "Homework templates"), Filters: filtersFrom(c)}
	for _, ch := range filtered(choices, v.Filters) {
		v.Templates = append(v.Templates, view.TemplateRow{Ref: ch.Ref, Title: ch.Template.Title, Purpose: ch.Template.Purpose,
			Questions: len(ch.Template.Fields), Practice: strings.HasPrefix(ch.Ref, "practice:"), Editable: editable[ch.Ref],
			Tags: view.TagWords(ch.Template.Tags)})
	}
	return h.Render(c, http.StatusOK, view.Templates(v))
}

// Preview shows a template as a client would see it.
func (h *Handlers) Preview(c echo.Context) error {
	choices, err := h.assignableTemplates(c)
	if err != nil {
		return err
	}
	ch, ok := findTemplate(choices, c.QueryParam("ref"))
	if !ok {
		return echo.ErrNotFound
	}
	v := view.PreviewView{Page: h.Page(c, "Preview: "+ch.Template.Title), Form: &ui.Form{Values: url.Values{}},
		Ref: ch.Ref, Staff: ch.Template, Client: ch.Template.ForClient()}
	if b := ch.BuiltIn; b != nil {
		v.Rationale, v.Cadence, v.Version = b.Rationale, b.SuggestedCadence(), b.Version
	}
	return h.Render(c, http.StatusOK, view.Preview(v))
}

// PhonePreview shows a template's form as the client will see it on a phone: the client's
// frame, the client's wording and the same questions as the client's page, nothing to send.
func (h *Handlers) PhonePreview(c echo.Context) error {
	choices, err := h.assignableTemplates(c)
	if err != nil {
		return err
	}
	ch, ok := findTemplate(choices, c.QueryParam("ref"))
	if !ok {
		return echo.ErrNotFound
	}
	client := ch.Template.ForClient()
	v := view.PhoneView{ClientPage: layout.ClientPage{Title: client.Title, CSRF: h.CSRFToken(c),
		QuickExitURL: h.Config.QuickExitURL.String(), EmergencyLine: h.Config.EmergencyLine, Assets: h.Assets}, Form: &ui.Form{Values: url.Values{}}, Heading: client.Title,
		Purpose: client.Purpose, Instructions: client.Instructions, Fields: client.Fields, BackPath: view.PreviewPath(ch.Ref)}
	return h.Render(c, http.StatusOK, view.Phone(v))
}
