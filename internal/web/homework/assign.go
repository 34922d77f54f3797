package homework

import (
	"net/http"
	"net/url"
	"slices"
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

// NewAssignment shows the form assigning homework to a client, starting today, due in a week.
func (h *Handlers) NewAssignment(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, "new homework form"); err != nil {
		return err
	}
	if !casework.InCare(cl.Status, cl.ArchivedAt != nil) {
		return h.Flash(c, kit.ClientPath(cl.ID), "A discharged client cannot be given homework.")
	}
	form := &ui.Form{Values: url.Values{"template": {c.QueryParam("template")}, "cadence": {"once"}, "request_key": {kit.NewIdempotencyKey()},
		"start_date": {today.Format("2006-01-02")}, "due_date": {today.AddDate(0, 0, 7).Format("2006-01-02")}}}
	if err := h.prefillChosen(c, form); err != nil {
		return err
	}
	return h.renderAssignForm(c, http.StatusOK, form, cl)
}

func (h *Handlers) renderAssignForm(c echo.Context, status int, form *ui.Form, cl store.Client) error {
	all, err := h.assignableTemplates(c)
	if err != nil {
		return err
	}
	goals, err := h.Store.Goals(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	concerns, metrics, err := h.clientNeeds(c, cl, goals)
	if err != nil {
		return err
	}
	v := view.AssignFormView{Page: h.Page(c, "Assign homework"), Form: form, Client: clientOf(cl), Filters: filtersFrom(c),
		Cadences: []ui.Option{{Value: string(hw.Once), Label: "Once"}, {Value: string(hw.Daily), Label: "One entry a day until the due date"}}}
	shown, picks, matched := rankedPicks(filtered(all, v.Filters), concerns, metrics)
	v.Picks, v.Matched = picks, matched
	if chosen, ok := findTemplate(all, form.Value("template")); ok && !slices.ContainsFunc(shown, func(t templateChoice) bool { return t.Ref == chosen.Ref }) {
		shown = append(shown, chosen) // the chosen template stays in the list whatever the filters
	}
	for _, t := range shown {
		opt := view.TemplateOption{Ref: t.Ref, Title: t.Template.Title, Practice: strings.HasPrefix(t.Ref, "practice:")}
		for _, f := range t.Template.NumericFields() {
			opt.Numbers = append(opt.Numbers, ui.Option{Value: f.Key, Label: f.Label})
		}
		v.Templates = append(v.Templates, opt)
	}
	for _, g := range goals {
		if !casework.GoalOpen(g.Status) {
			continue
		}
		label := g.Statement
		if label == "" {
			label = "Untitled draft"
		}
		v.Goals = append(v.Goals, ui.Option{Value: strconv.FormatInt(g.ID, 10), Label: label})
	}
	return h.Render(c, status, view.AssignForm(v))
}

// prefillChosen starts the form from the template chosen in the picker: its instructions (which
// the client reads above the form) and, for a built-in, its suggested cadence.
func (h *Handlers) prefillChosen(c echo.Context, form *ui.Form) error {
	if form.Value("template") == "" {
		return nil
	}
	all, err := h.assignableTemplates(c)
	if err != nil {
		return err
	}
	chosen, ok := findTemplate(all, form.Value("template"))
	if !ok {
		return nil
	}
	form.Values.Set("instructions", chosen.Template.Instructions)
	if chosen.BuiltIn != nil {
		form.Values.Set("cadence", string(chosen.BuiltIn.Cadence))
	}
	return nil
}
