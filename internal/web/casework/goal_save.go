package casework

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// SaveGoal creates a draft goal, or saves an edit when the path names a goal. An active
// goal must stay complete; a draft may be incomplete but never contradictory.
func (h *Handlers) SaveGoal(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	var existing *store.Goal
	if c.Param("goal") != "" {
		_, g, err := h.goalFor(c)
		if err != nil {
			return err
		}
		existing = &g
		if !casework.GoalOpen(g.Status) {
			return h.Flash(c, kit.GoalPath(cl.ID, g.ID), "A closed goal cannot be edited.")
		}
	}
	var in goalForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	comma, err := h.Store.DecimalComma(ctx, cl.PracticeID)
	if err != nil {
		return err
	}
	g := in.smart(form, comma)
	status := "" // a new goal
	if existing != nil {
		status = existing.Status
	}
	for field, msg := range g.SaveProblems(status) {
		form.Fail(field, msg)
	}
	if form.HasErrors() {
		return h.renderGoalForm(c, http.StatusUnprocessableEntity, "Goal "+cl.Code, form, cl, existing)
	}
	if existing == nil {
		id, err := h.Store.CreateGoal(ctx, cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, goalInput(g), changeEntry(c, cl, "goal.create", "goal", 0, ""))
		if err != nil {
			return err
		}
		return h.Flash(c, kit.GoalPath(cl.ID, id), "Goal saved as a draft. Activate it once every SMART part is in place.")
	}
	err = h.Store.UpdateGoal(ctx, cl.PracticeID, cl.ID, existing.ID, in.Version, goalInput(g),
		changeEntry(c, cl, "goal.update", "goal", existing.ID, ""))
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else changed this goal since you opened it. Your version is below; compare it with the goal's page and save again.")
		form.Values.Set("version", strconv.Itoa(existing.Version))
		return h.renderGoalForm(c, http.StatusConflict, "Goal "+cl.Code, form, cl, existing)
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.GoalPath(cl.ID, existing.ID), "Goal saved.")
}
