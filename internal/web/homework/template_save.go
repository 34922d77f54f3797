package homework

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// SaveTemplate creates a template, or saves an edit when the path names one. Assignments
// keep their own copy, so an edit never changes what a client was already asked.
func (h *Handlers) SaveTemplate(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	var existing *store.HomeworkTemplate
	if c.Param("template") != "" {
		cur, _, err := h.templateFor(c)
		if err != nil {
			return err
		}
		if !mayEditTemplate(u, cur) {
			return h.deniedTemplateEdit(c, cur)
		}
		existing = &cur
	}
	if err := kit.OnlyFields(c, "title", "purpose", "instructions", "client_title", "client_purpose", confirmWording,
		"version", "based_on", "field_*", "tag_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	if err := h.Check(form, &struct{}{}, nil); err != nil {
		return err
	}
	t, revealing := parseTemplateForm(form)
	detail := ""
	if revealing {
		detail = "client wording kept with revealing words"
	}
	if form.HasErrors() {
		return h.renderTemplateForm(c, http.StatusUnprocessableEntity, "Homework template", form, existing)
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
		id, err := h.Store.CreateHomeworkTemplate(ctx, u.PracticeID, u.ID, t.Title, def, basedOn)
		if err != nil {
			return err
		}
		if err := h.Audit(c, store.AuditEntry{Action: "template.create", EntityType: "template", EntityID: strconv.FormatInt(id, 10), Detail: detail}); err != nil {
			return err
		}
		return h.Flash(c, "/homework/templates", "Template saved. It can now be assigned.")
	}
	version, _ := strconv.Atoi(values.Get("version"))
	err = h.Store.UpdateHomeworkTemplate(ctx, u.PracticeID, existing.ID, version, t.Title, def)
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else saved this template since you opened it. Your version is below; compare it with theirs and save again.")
		form.Values.Set("version", strconv.Itoa(existing.Version))
		return h.renderTemplateForm(c, http.StatusConflict, "Homework template", form, existing)
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "template.update", EntityType: "template", EntityID: strconv.FormatInt(existing.ID, 10), Detail: detail}); err != nil {
		return err
	}
	return h.Flash(c, "/homework/templates", "Template saved. Homework already assigned keeps the version it was given with.")
}
