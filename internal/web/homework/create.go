package homework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

type assignmentForm struct {
	TemplateRef  string `form:"template" validate:"required"`
	Instructions string `form:"instructions" validate:"max=3000"`
	Start        string `form:"start_date" validate:"required"`
	Due          string `form:"due_date" validate:"required"`
	Cadence      string `form:"cadence" validate:"required,oneof=once daily"`
	GoalID       int64  `form:"goal_id"`
	GoalField    string `form:"goal_field"`
	RequestKey   string `form:"request_key"`
}

// CreateAssignment assigns homework: a copy of the chosen template, its window and cadence,
// and optionally the goal one of its numbers feeds. The same form sent twice assigns once.
func (h *Handlers) CreateAssignment(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	var in assignmentForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	chosen, start, due, goalID, err := h.checkAssignment(c, cl, in, form)
	if err != nil {
		return err
	}
	if form.HasErrors() {
		return h.renderAssignForm(c, http.StatusUnprocessableEntity, form, cl)
	}
	def, err := json.Marshal(chosen.Template)
	if err != nil {
		return err
	}
	goalField := ""
	if goalID != nil {
		goalField = in.GoalField
	}
	id, err := h.Store.CreateAssignment(c.Request().Context(), cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, store.AssignmentInput{
		TemplateRef: chosen.Ref, Title: chosen.Template.Title, Template: def, Instructions: in.Instructions,
		StartDate: *start, DueDate: *due, Cadence: in.Cadence, GoalID: goalID, GoalField: goalField, RequestKey: in.RequestKey,
	}, clientEntry(c, cl, "assignment.create", "assignment", 0, assignDetail(chosen)))
	switch {
	case errors.Is(err, store.ErrConflict): // the same form sent twice: one assignment
		return h.Flash(c, assignmentPath(cl.ID, id), "This homework was already assigned.")
	case errors.Is(err, store.ErrClientClosed):
		return h.Flash(c, kit.ClientPath(cl.ID), "A discharged client cannot be given homework.")
	case err != nil:
		return err
	}
	return h.Flash(c, assignmentPath(cl.ID, id), "Assigned. "+h.LinkNote(c, cl))
}

// checkAssignment checks the form beyond its tags: the template is one the practice may
// assign, the window fits the cadence, and the goal is open and fed by a number of the
// template. Messages go on form; the goal is nil when none is fed.
func (h *Handlers) checkAssignment(c echo.Context, cl store.Client, in assignmentForm, form *ui.Form) (templateChoice, *time.Time, *time.Time, *int64, error) {
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return templateChoice{}, nil, nil, nil, err
	}
	templates, err := h.assignableTemplates(c)
	if err != nil {
		return templateChoice{}, nil, nil, nil, err
	}
	chosen, ok := findTemplate(templates, in.TemplateRef)
	if !ok {
		form.Fail("template", "Choose a template.")
	}
	if !kit.ValidIdempotencyKey(in.RequestKey) {
		form.Fail("_form", "Something went wrong with the form. Please check it and press the button again.")
		form.Values.Set("request_key", kit.NewIdempotencyKey())
	}
	start, due := kit.OptionalDate(form, "start_date", in.Start), kit.OptionalDate(form, "due_date", in.Due)
	if start != nil && due != nil {
		for field, msg := range hw.CheckWindow(hw.Cadence(in.Cadence), *start, *due, today) {
			form.Fail(field, msg)
		}
	}
	var goalID *int64
	if in.GoalID != 0 {
		g, err := h.Store.Goal(c.Request().Context(), cl.PracticeID, cl.ID, in.GoalID)
		if errors.Is(err, store.ErrNotFound) || err == nil && !casework.GoalOpen(g.Status) {
			form.Fail("goal_id", "Choose one of this client's open goals.")
		} else if err != nil {
			return templateChoice{}, nil, nil, nil, err
		}
		if chosen.Template.FeedsGoal(in.GoalField) {
			goalID = &in.GoalID
		} else if chosen.Ref != "" {
			form.Fail("goal_field", "Choose a number in this template to feed the goal.")
		}
	} else if in.GoalField != "" {
		form.Fail("goal_id", "Choose the goal this answer feeds, or no goal.")
	}
	return chosen, start, due, goalID, nil
}

// assignDetail is the audit detail of an assignment: the template's ref and, for a built-in,
// the version the assignment's copy was taken from.
func assignDetail(ch templateChoice) string {
	if ch.BuiltIn != nil {
		return fmt.Sprintf("ref=%s version=%d", ch.Ref, ch.BuiltIn.Version)
	}
	return "ref=" + ch.Ref
}
