package casework

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// ChangeGoalStatus moves a goal through its lifecycle. Activation needs every SMART part;
// every other move needs a reason; revising opens the replacement goal as a draft.
func (h *Handlers) ChangeGoalStatus(c echo.Context) error {
	ctx := c.Request().Context()
	cl, g, err := h.goalFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "to", "reason", "confirm_past_target"); err != nil {
		return err
	}
	to := c.FormValue("to")
	reason := strings.TrimSpace(c.FormValue("reason"))
	form := &ui.Form{Values: map[string][]string{"to": {to}, "reason": {reason}}}
	change := casework.StatusChange{From: g.Status, To: to, Reason: reason, Goal: kit.SMARTOf(g),
		PastTargetConfirmed: c.FormValue("confirm_past_target") == "yes"}
	if to == casework.GoalActive {
		if change.Today, _, err = h.PracticeToday(c); err != nil {
			return err
		}
	}
	problems, err := change.Check()
	for field, msg := range problems {
		form.Fail(field, msg)
	}
	var notAllowed *casework.TransitionError
	var incomplete *casework.IncompleteError
	switch {
	case errors.Is(err, casework.ErrUnknownStatus):
		form.Fail("to", "Choose the new status.")
		return h.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	case errors.As(err, &notAllowed):
		form.Fail("_form", notAllowed.Error())
		return h.showGoal(c, cl, g, http.StatusConflict, form)
	case errors.Is(err, casework.ErrPastTarget):
		form.Values["confirm_past_target"] = []string{"ask"}
		return h.showGoal(c, cl, g, http.StatusConflict, form)
	case errors.As(err, &incomplete):
		comma, err := h.Store.DecimalComma(ctx, cl.PracticeID)
		if err != nil {
			return err
		}
		edit := &ui.Form{Values: goalValues(g, comma), Errors: incomplete.Missing}
		edit.Errors["_form"] = "Every SMART part must be in place before the goal becomes active. Complete the parts marked below."
		return h.renderGoalForm(c, http.StatusUnprocessableEntity, "Edit goal", edit, cl, &g)
	case err != nil:
		return err
	}
	if form.HasErrors() {
		return h.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	}
	userID := kit.CurrentUser(c).ID
	target, msg := kit.GoalPath(cl.ID, g.ID), "Goal is now "+to+"."
	audit := changeEntry(c, cl, "goal.status", "goal", g.ID, g.Status+"->"+to)
	if to == casework.GoalRevised {
		newID, err := h.Store.ReviseGoal(ctx, cl.PracticeID, cl.ID, g.ID, userID, reason, audit)
		if err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
		err = goalStatusDone(err)
		if err != nil {
			return err
		}
		target, msg = kit.GoalPath(cl.ID, newID)+"/edit", "The old goal is marked revised. Edit its replacement below."
	} else if err := goalStatusDone(h.Store.TransitionGoal(ctx, cl.PracticeID, cl.ID, g.ID, userID, g.Version, g.Status, to, reason, audit)); err != nil {
		return err
	}
	return h.Flash(c, target, msg)
}

// goalStatusDone explains a concurrent status change (the change and its audit entry
// were written together by the store).
func goalStatusDone(err error) error {
	if errors.Is(err, store.ErrConflict) {
		return echo.NewHTTPError(http.StatusConflict).SetInternal(err)
	}
	return err
}
