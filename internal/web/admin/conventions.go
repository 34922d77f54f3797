package admin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

// ConventionsPage lets an admin choose the reliable-change convention for each questionnaire.
func (h *Handlers) ConventionsPage(c echo.Context) error {
	conv, err := h.ConventionsOf(c)
	if err != nil {
		return err
	}
	form := &ui.Form{Values: map[string][]string{}}
	for _, m := range measures.Measures() {
		th := m.ThresholdsFor(conv)
		form.Values.Set("rci_"+m.Key, strconv.FormatFloat(th.RCI, 'f', -1, 64))
		form.Values.Set("cutoff_"+m.Key, strconv.FormatFloat(th.CutOff, 'f', -1, 64))
	}
	return h.showConventions(c, http.StatusOK, form)
}

func (h *Handlers) showConventions(c echo.Context, status int, form *ui.Form) error {
	v := view.ConventionsView{Page: h.Page(c, "Questionnaire conventions"), Form: form}
	for _, m := range measures.Measures() {
		v.Measures = append(v.Measures, view.Measure{Key: m.Key, Name: m.Name, Max: m.Max})
	}
	return h.Render(c, status, view.Conventions(v))
}

// SaveConventions stores every questionnaire's reliable change and cut-off.
func (h *Handlers) SaveConventions(c echo.Context) error {
	if err := kit.OnlyFields(c, "rci_*", "cutoff_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	conv := measures.Conventions{}
	for _, m := range measures.Measures() {
		rci := kit.OptionalNumber(form, "rci_"+m.Key, values.Get("rci_"+m.Key))
		cut := kit.OptionalNumber(form, "cutoff_"+m.Key, values.Get("cutoff_"+m.Key))
		if rci == nil || *rci <= 0 || *rci > float64(m.Max) {
			form.Fail("rci_"+m.Key, fmt.Sprintf("Enter a change of more than 0 and at most %d points.", m.Max))
		}
		if cut == nil || *cut <= 0 || *cut > float64(m.Max) {
			form.Fail("cutoff_"+m.Key, fmt.Sprintf("Enter a cut-off from 1 to %d.", m.Max))
		}
		if rci != nil && cut != nil {
			conv[m.Key] = measures.Thresholds{RCI: *rci, CutOff: *cut, Source: "Practice convention"}
		}
	}
	if form.HasErrors() {
		return h.showConventions(c, http.StatusUnprocessableEntity, form)
	}
	raw, err := json.Marshal(conv)
	if err != nil {
		return err
	}
	if err := h.Store.SetConventions(c.Request().Context(), kit.CurrentUser(c).PracticeID, raw); err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "practice.conventions", EntityType: "practice"}); err != nil {
		return err
	}
	return h.Flash(c, "/admin/conventions", "Conventions saved.")
}
