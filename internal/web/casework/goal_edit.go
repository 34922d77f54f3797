package casework

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// goalFor loads the client and the goal the path names; another client's goal is a 404.
func (h *Handlers) goalFor(c echo.Context) (store.Client, store.Goal, error) {
	cl, err := h.ClientFor(c)
	if err != nil {
		return cl, store.Goal{}, err
	}
	id, err := kit.PathID(c, "goal")
	if err != nil {
		return cl, store.Goal{}, err
	}
	g, err := h.Store.Goal(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, g, echo.ErrNotFound
	}
	return cl, g, err
}

// goalClient is the client as the goal and progress pages name them.
func goalClient(cl store.Client) view.ClientRef {
	return view.ClientRef{ID: cl.ID, CallName: cl.CallName(), Code: cl.Code}
}

// renderGoalForm shows the goal form; g is nil for a new goal.
func (h *Handlers) renderGoalForm(c echo.Context, status int, title string, form *ui.Form, cl store.Client, g *store.Goal) error {
	v := view.GoalFormView{Page: h.Page(c, title), Form: form, Client: goalClient(cl),
		Metrics:   goalChooseFirst(kit.Options(casework.GoalMetricCodes())),
		Units:     goalChooseFirst(kit.Options(casework.GoalUnitCodes())),
		Direction: kit.Options(casework.Directions()), Concerns: kit.Options(casework.PresentingConcerns())}
	if g != nil {
		v.GoalID = g.ID
	}
	return h.Render(c, status, view.GoalForm(v))
}

// goalChooseFirst puts an empty "Choose from the list" first, so that nothing is chosen for the user.
func goalChooseFirst(o []ui.Option) []ui.Option {
	return append([]ui.Option{{Value: "", Label: "Choose from the list"}}, o...)
}

// NewGoalPage is the form for a new draft goal.
func (h *Handlers) NewGoalPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, "new goal form"); err != nil {
		return err
	}
	form := &ui.Form{Values: url.Values{"baseline_date": {h.Now().Format("2006-01-02")}}}
	return h.renderGoalForm(c, http.StatusOK, "New goal "+cl.Code, form, cl, nil)
}

// EditGoalPage is the form editing an open goal.
func (h *Handlers) EditGoalPage(c echo.Context) error {
	cl, g, err := h.goalFor(c)
	if err != nil {
		return err
	}
	if !casework.GoalOpen(g.Status) {
		return h.Flash(c, kit.GoalPath(cl.ID, g.ID), "A closed goal cannot be edited.")
	}
	if err := h.AuditClient(c, cl, "goal.view", "goal", g.ID, "edit form"); err != nil {
		return err
	}
	comma, err := h.Store.DecimalComma(c.Request().Context(), cl.PracticeID)
	if err != nil {
		return err
	}
	return h.renderGoalForm(c, http.StatusOK, "Edit goal", &ui.Form{Values: goalValues(g, comma)}, cl, &g)
}
