package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

// overuseMax is the highest over-use threshold (the column's CHECK).
const overuseMax = 50

// PlanSettingsPage shows the practice's default plan and over-use threshold.
func (h *Handlers) PlanSettingsPage(c echo.Context) error {
	ps, err := h.Store.PlanSettings(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return err
	}
	every, err := ps.DefaultEvery()
	if err != nil {
		return err
	}
	form := &ui.Form{Values: url.Values{"overuse_threshold": {strconv.Itoa(ps.OveruseThreshold)}}}
	for k, f := range every {
		form.Values.Set("every_"+k, f)
	}
	return h.renderPlanSettings(c, http.StatusOK, form)
}

// UpdatePlanSettings saves the default plan and the over-use threshold.
func (h *Handlers) UpdatePlanSettings(c echo.Context) error {
	parts := measures.PlanParts()
	allowed := []string{"overuse_threshold"}
	for _, p := range parts {
		allowed = append(allowed, "every_"+p)
	}
	if err := kit.OnlyFields(c, allowed...); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	every := map[string]string{}
	for _, p := range parts {
		every[p] = strings.TrimSpace(values.Get("every_" + p))
	}
	kept, problems := measures.CheckPlan(every, nil, h.Now())
	for field, msg := range problems {
		if !strings.HasPrefix(msg, "Schedule") { // no default plan at all is allowed
			form.Fail(field, msg)
		}
	}
	threshold, err := strconv.Atoi(strings.TrimSpace(values.Get("overuse_threshold")))
	if err != nil || threshold < 1 || threshold > overuseMax {
		form.Fail("overuse_threshold", "Enter a whole number from 1 to 50.")
	}
	if form.HasErrors() {
		return h.renderPlanSettings(c, http.StatusUnprocessableEntity, form)
	}
	err = h.Store.SavePlanSettings(c.Request().Context(), kit.CurrentUser(c).PracticeID, kept, threshold,
		kit.AuditEntry(c, store.AuditEntry{Action: "practice.plans", EntityType: "practice", Detail: "threshold " + strconv.Itoa(threshold)}))
	if err != nil {
		return err
	}
	return h.Flash(c, "/admin/practice/plans", "Saved. New clients start with this plan.")
}

func (h *Handlers) renderPlanSettings(c echo.Context, status int, form *ui.Form) error {
	var parts []ui.Option
	for _, k := range measures.PlanParts() {
		name := "Progress markers"
		if m, ok := measures.ByKey(k); ok {
			name = m.Name
		}
		parts = append(parts, ui.Option{Value: k, Label: name})
	}
	return h.Render(c, status, view.PlanSettings(view.PlanSettingsView{Page: h.Page(c, "Measurement plans"), Form: form, Parts: parts}))
}
