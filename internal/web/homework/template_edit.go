package homework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/homework"
	"github.com/securebase/securebase/templates/ui"
)

// templateRows is how many field rows the template form offers beyond the fields it has.
const templateRows = 3

// maxTemplateFields bounds a template, as Template.Check does.
const maxTemplateFields = 30

// NewTemplate starts a template, blank or copied from another (?from=builtin:x or practice:N).
func (h *Handlers) NewTemplate(c echo.Context) error {
	t := hw.Template{}
	if from := c.QueryParam("from"); from != "" {
		choices, err := h.assignableTemplates(c)
		if err != nil {
			return err
		}
		ch, ok := findTemplate(choices, from)
		if !ok {
			return echo.ErrNotFound
		}
		t = ch.Template
		t.Title = strings.TrimSpace("Copy of " + t.Title)
		if len([]rune(t.Title)) > 120 {
			t.Title = string([]rune(t.Title)[:120])
		}
	}
	form := &ui.Form{Values: templateValues(t)}
	form.Values.Set("based_on", c.QueryParam("from"))
	return h.renderTemplateForm(c, http.StatusOK, "New homework template", form, nil)
}

// EditTemplate opens the practice's template in the editor, for its owner or an admin.
func (h *Handlers) EditTemplate(c echo.Context) error {
	t, def, err := h.templateFor(c)
	if err != nil {
		return err
	}
	if !mayEditTemplate(kit.CurrentUser(c), t) {
		return h.deniedTemplateEdit(c, t)
	}
	form := &ui.Form{Values: templateValues(def)}
	form.Values.Set("version", strconv.Itoa(t.Version))
	return h.renderTemplateForm(c, http.StatusOK, "Edit template", form, &t)
}

// templateFor loads the practice's template named in the path, with its definition.
func (h *Handlers) templateFor(c echo.Context) (store.HomeworkTemplate, hw.Template, error) {
	id, err := kit.PathID(c, "template")
	if err != nil {
		return store.HomeworkTemplate{}, hw.Template{}, err
	}
	t, err := h.Store.HomeworkTemplate(c.Request().Context(), kit.CurrentUser(c).PracticeID, id)
	if errors.Is(err, store.ErrNotFound) || err == nil && t.ArchivedAt != nil {
		return t, hw.Template{}, echo.ErrNotFound
	}
	if err != nil {
		return t, hw.Template{}, err
	}
	var def hw.Template
	err = json.Unmarshal(t.Definition, &def)
	return t, def, err
}

// renderTemplateForm shows the editor with a row for every field typed and three empty ones.
func (h *Handlers) renderTemplateForm(c echo.Context, status int, title string, form *ui.Form, t *store.HomeworkTemplate) error {
	n := 0
	for i := 0; i < maxTemplateFields; i++ {
		if form.Value(fmt.Sprintf("field_%d_key", i)) != "" || form.Value(fmt.Sprintf("field_%d_label", i)) != "" {
			n = i + 1
		}
	}
	v := view.TemplateFormView{Page: h.Page(c, title), Form: form}
	if t != nil {
		v.ID = t.ID
	}
	for i := range min(n+templateRows, maxTemplateFields) {
		v.Rows = append(v.Rows, view.Row(i))
	}
	for _, o := range hw.FieldTypes() {
		v.Types = append(v.Types, ui.Option{Value: string(o.Type), Label: o.Label})
	}
	v.Tags = tagGroups(form)
	return h.Render(c, status, view.TemplateForm(v))
}

// tagGroups are the editor's four groups of tags, each with its vocabulary and what was ticked.
func tagGroups(form *ui.Form) []ui.Choice {
	group := func(name, label string, opts casework.Options) ui.Choice {
		c := ui.Choice{Form: form, Name: name, Label: label, Selected: form.Values[name]}
		for _, o := range opts {
			c.Options = append(c.Options, ui.Option{Value: o.Value, Label: o.Label})
		}
		return c
	}
	return []ui.Choice{
		group("tag_approaches", "Approaches", casework.Approaches()),
		group("tag_signs", "Signs it works on (presenting concerns)", casework.PresentingConcerns()),
		group("tag_markers", "Progress markers it works on", hw.Markers()),
		group("tag_metrics", "Goal measures its numbers can feed", casework.GoalMetricCodes()),
	}
}
