package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// templateRows is how many field rows the template form offers beyond the fields it has.
const templateRows = 3

// maxTemplateFields bounds a template, as Template.Check does.
const maxTemplateFields = 30

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug turns a choice label into a stable value.
func slug(label string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(label), "_"), "_")
	if s == "" {
		s = "choice"
	}
	return s
}

func (s *Server) templateList(c echo.Context) error {
	choices, err := s.assignableTemplates(c)
	if err != nil {
		return err
	}
	own, err := s.store.HomeworkTemplates(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	versions, editable := map[string]int{}, map[string]bool{}
	for _, t := range own {
		versions[fmt.Sprintf("practice:%d", t.ID)] = t.Version
		editable[fmt.Sprintf("practice:%d", t.ID)] = mayEditTemplate(currentUser(c), t)
	}
	p := s.page(c, "Homework templates")
	p.Data = struct {
		Templates []templateChoice
		Versions  map[string]int
		Editable  map[string]bool
	}{choices, versions, editable}
	return s.render(c, http.StatusOK, "homework/templates", p)
}

// previewTemplate shows a template as a client would see it.
func (s *Server) previewTemplate(c echo.Context) error {
	choices, err := s.assignableTemplates(c)
	if err != nil {
		return err
	}
	ch, ok := findTemplate(choices, c.QueryParam("ref"))
	if !ok {
		return echo.ErrNotFound
	}
	p := s.page(c, "Preview: "+ch.Template.Title)
	p.Form = &Form{Values: url.Values{}}
	p.Data = ch
	return s.render(c, http.StatusOK, "homework/preview", p)
}

// newTemplatePage starts a template, blank or copied from another (?from=builtin:x or practice:N).
func (s *Server) newTemplatePage(c echo.Context) error {
	t := homework.Template{}
	if from := c.QueryParam("from"); from != "" {
		choices, err := s.assignableTemplates(c)
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
	p := s.page(c, "New homework template")
	p.Form.Values = templateValues(t)
	p.Form.Values.Set("based_on", c.QueryParam("from"))
	return s.renderTemplateForm(c, http.StatusOK, p, nil)
}

// mayEditTemplate says whether u may change the practice's template t: its owner or an
// admin. Everyone else in the practice uses it and copies it.
func mayEditTemplate(u *store.User, t store.HomeworkTemplate) bool {
	return u.Role == store.RoleAdmin || t.CreatedBy == u.ID
}

// errNotTemplateOwner refuses an edit of another counsellor's template.
var errNotTemplateOwner = echo.NewHTTPError(http.StatusForbidden, "not the template's owner")

func (s *Server) editTemplatePage(c echo.Context) error {
	t, def, err := s.templateFor(c)
	if err != nil {
		return err
	}
	if !mayEditTemplate(currentUser(c), t) {
		return s.deniedTemplateEdit(c, t)
	}
	p := s.page(c, "Edit template")
	p.Form.Values = templateValues(def)
	p.Form.Values.Set("version", strconv.Itoa(t.Version))
	return s.renderTemplateForm(c, http.StatusOK, p, &t)
}

func (s *Server) templateFor(c echo.Context) (store.HomeworkTemplate, homework.Template, error) {
	id, err := pathID(c, "template")
	if err != nil {
		return store.HomeworkTemplate{}, homework.Template{}, err
	}
	t, err := s.store.HomeworkTemplate(c.Request().Context(), currentUser(c).PracticeID, id)
	if errors.Is(err, store.ErrNotFound) || err == nil && t.ArchivedAt != nil {
		return t, homework.Template{}, echo.ErrNotFound
	}
	if err != nil {
		return t, homework.Template{}, err
	}
	var def homework.Template
	err = json.Unmarshal(t.Definition, &def)
	return t, def, err
}

func (s *Server) renderTemplateForm(c echo.Context, status int, p *Page, t *store.HomeworkTemplate) error {
	n := 0
	for i := 0; i < maxTemplateFields; i++ {
		if p.Form.Value(fmt.Sprintf("field_%d_key", i)) != "" || p.Form.Value(fmt.Sprintf("field_%d_label", i)) != "" {
			n = i + 1
		}
	}
	rows := make([]int, min(n+templateRows, maxTemplateFields))
	for i := range rows {
		rows[i] = i
	}
	p.Data = struct {
		Template *store.HomeworkTemplate
		Rows     []int
		Types    []homework.TypeOption
	}{t, rows, homework.FieldTypes()}
	return s.render(c, status, "homework/template_form", p)
}

// templateValues fills the editor's form from a template definition.
func templateValues(t homework.Template) url.Values {
	v := url.Values{"title": {t.Title}, "purpose": {t.Purpose}, "instructions": {t.Instructions},
		"client_title": {t.ClientTitle}, "client_purpose": {t.ClientPurpose}}
	for i, f := range t.Fields {
		pre := fmt.Sprintf("field_%d_", i)
		v.Set(pre+"key", f.Key)
		v.Set(pre+"label", f.Label)
		v.Set(pre+"help", f.Help)
		v.Set(pre+"type", string(f.Type))
		if f.Required {
			v.Set(pre+"required", "true")
		}
		v.Set(pre+"min", formatNumber(f.Min))
		v.Set(pre+"max", formatNumber(f.Max))
		var labels []string
		for _, ch := range f.Choices {
			labels = append(labels, ch.Label)
		}
		v.Set(pre+"choices", strings.Join(labels, "\n"))
		clientWordingValues(v, pre, f)
	}
	return v
}

// parseTemplateForm reads the editor: blank rows are skipped; messages about a field are
// put beside the row it came from. It reports whether what the client reads holds a revealing
// word (the form carries a warning then, unless the counsellor chose to keep it).
func parseTemplateForm(f *Form) (homework.Template, bool) {
	v := f.Values
	t := homework.Template{Title: strings.TrimSpace(v.Get("title")), Purpose: strings.TrimSpace(v.Get("purpose")),
		Instructions: strings.TrimSpace(v.Get("instructions")), ClientTitle: strings.TrimSpace(v.Get("client_title")),
		ClientPurpose: strings.TrimSpace(v.Get("client_purpose"))}
	var rowOf []int
	for i := 0; i < maxTemplateFields; i++ {
		pre := fmt.Sprintf("field_%d_", i)
		key, label := strings.TrimSpace(v.Get(pre+"key")), strings.TrimSpace(v.Get(pre+"label"))
		if key == "" && label == "" {
			continue
		}
		field := homework.Field{Key: key, Label: label, Help: strings.TrimSpace(v.Get(pre + "help")),
			Type: homework.FieldType(v.Get(pre + "type")), Required: v.Get(pre+"required") == "true",
			Min: optionalNumber(f, pre+"min", v.Get(pre+"min")), Max: optionalNumber(f, pre+"max", v.Get(pre+"max"))}
		for _, line := range lines(v.Get(pre + "choices")) {
			field.Choices = append(field.Choices, homework.Choice{Value: slug(line), Label: line})
		}
		parseClientWording(f, pre, &field)
		t.Fields = append(t.Fields, field)
		rowOf = append(rowOf, i)
	}
	for k, msg := range t.Check() {
		parts := strings.Split(k, ".")
		if len(parts) == 3 && parts[0] == "fields" {
			if n, err := strconv.Atoi(parts[1]); err == nil && n < len(rowOf) {
				f.Fail(fmt.Sprintf("field_%d_%s", rowOf[n], parts[2]), msg)
				continue
			}
		}
		f.Fail(k, msg)
	}
	return t, warnRevealingWording(f, t, rowOf)
}

// saveTemplate creates a template, or saves an edit when the path names one. Assignments
// keep their own copy, so an edit never changes what a client was already asked.
func (s *Server) saveTemplate(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var existing *store.HomeworkTemplate
	if c.Param("template") != "" {
		cur, _, err := s.templateFor(c)
		if err != nil {
			return err
		}
		if !mayEditTemplate(u, cur) {
			return s.deniedTemplateEdit(c, cur)
		}
		existing = &cur
	}
	if err := onlyFields(c, "title", "purpose", "instructions", "client_title", "client_purpose", confirmWording,
		"version", "based_on", "field_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	if err := s.check(form, &struct{}{}, nil); err != nil {
		return err
	}
	t, revealing := parseTemplateForm(form)
	detail := ""
	if revealing {
		detail = "client wording kept with revealing words"
	}
	p := s.page(c, "Homework template")
	p.Form = form
	if form.HasErrors() {
		return s.renderTemplateForm(c, http.StatusUnprocessableEntity, p, existing)
	}
	def, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if existing == nil {
		basedOn := values.Get("based_on")
		if len(basedOn) > 100 {
			basedOn = ""
		}
		id, err := s.store.CreateHomeworkTemplate(ctx, u.PracticeID, u.ID, t.Title, def, basedOn)
		if err != nil {
			return err
		}
		if err := s.audit(c, store.AuditEntry{Action: "template.create", EntityType: "template", EntityID: strconv.FormatInt(id, 10), Detail: detail}); err != nil {
			return err
		}
		return s.flash(c, "/homework/templates", "Template saved. It can now be assigned.")
	}
	version, _ := strconv.Atoi(values.Get("version"))
	err = s.store.UpdateHomeworkTemplate(ctx, u.PracticeID, existing.ID, version, t.Title, def)
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else saved this template since you opened it. Your version is below; compare it with theirs and save again.")
		form.Values.Set("version", strconv.Itoa(existing.Version))
		return s.renderTemplateForm(c, http.StatusConflict, p, existing)
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "template.update", EntityType: "template", EntityID: strconv.FormatInt(existing.ID, 10), Detail: detail}); err != nil {
		return err
	}
	return s.flash(c, "/homework/templates", "Template saved. Homework already assigned keeps the version it was given with.")
}

// deniedTemplateEdit audits and refuses an edit of a template u does not own.
func (s *Server) deniedTemplateEdit(c echo.Context, t store.HomeworkTemplate) error {
	if err := s.audit(c, store.AuditEntry{Action: "template.edit", EntityType: "homework_template",
		EntityID: strconv.FormatInt(t.ID, 10), Outcome: store.OutcomeDenied, Detail: "not the owner"}); err != nil {
		return err
	}
	return errNotTemplateOwner
}
