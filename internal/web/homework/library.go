package homework

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/homework"
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
	v := view.TemplatesView{Page: h.Page(c, "Homework templates")}
	for _, ch := range choices {
		v.Templates = append(v.Templates, view.TemplateRow{Ref: ch.Ref, Title: ch.Template.Title, Purpose: ch.Template.Purpose,
			Questions: len(ch.Template.Fields), Practice: strings.HasPrefix(ch.Ref, "practice:"), Editable: editable[ch.Ref]})
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
	return h.Render(c, http.StatusOK, view.Preview(v))
}
