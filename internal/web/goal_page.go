package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/store"
)

func (s *Server) goalPage(c echo.Context) error {
	cl, g, err := s.goalFor(c)
	if err != nil {
		return err
	}
	return s.showGoal(c, cl, g, http.StatusOK, &Form{Values: map[string][]string{"reading_date": {s.now().Format("2006-01-02")}}})
}

// showGoal renders a goal with its progress, chart, readings, history and next steps.
func (s *Server) showGoal(c echo.Context, cl store.Client, g store.Goal, status int, form *Form) error {
	ctx := c.Request().Context()
	readings, err := s.store.GoalReadings(ctx, cl.PracticeID, []int64{g.ID})
	if err != nil {
		return err
	}
	history, err := s.store.GoalHistory(ctx, cl.PracticeID, g.ID)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "goal.view", "goal", g.ID, ""); err != nil {
		return err
	}
	view := goalView{Goal: g, Readings: readings[g.ID], Progress: casework.ProgressOf(smartOf(g), domainReadings(readings[g.ID]), s.now())}
	spec := goalChart(view)
	p := s.page(c, "Goal "+cl.Code)
	p.Form = form
	p.Data = struct {
		Client  store.Client
		Goal    goalView
		History []store.GoalStatusChange
		Next    []string
		Missing map[string]string
		Chart   any
		Table   []chart.Row
	}{cl, view, history, casework.NextStatuses(g.Status), smartOf(g).MissingForActivation(), chart.SVG(spec), chart.Table(spec)}
	return s.render(c, status, "clients/goal", p)
}

// goalChart plots a goal's readings against its target line.
func goalChart(v goalView) chart.Spec {
	spec := chart.Spec{ID: fmt.Sprintf("goal-%d", v.ID), Title: v.Metric, YLabel: v.Unit}
	if spec.Title == "" {
		spec.Title = v.Statement
	}
	if v.BaselineValue != nil && v.BaselineDate != nil {
		spec.Points = append(spec.Points, chart.Point{Date: *v.BaselineDate, Value: *v.BaselineValue, Label: "baseline"})
	}
	for _, r := range v.Readings {
		label := r.Source
		if r.Note != "" { // the counsellor's note on the reading, in the table and the point's title
			label += ": " + r.Note
		}
		spec.Points = append(spec.Points, chart.Point{Date: r.ReadingDate, Value: r.Value, Label: label})
	}
	if v.TargetValue != nil {
		spec.Lines = append(spec.Lines, chart.Line{Value: *v.TargetValue, Label: "target " + formatNumber(v.TargetValue), Dashed: true})
	}
	return spec
}

type readingForm struct {
	Date  string `form:"reading_date" validate:"required"`
	Value string `form:"value" validate:"required"`
	Note  string `form:"note" validate:"max=500"`
}

func (s *Server) addGoalReading(c echo.Context) error {
	cl, g, err := s.goalFor(c)
	if err != nil {
		return err
	}
	var in readingForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	comma, err := s.store.DecimalComma(c.Request().Context(), cl.PracticeID)
	if err != nil {
		return err
	}
	date := optionalDate(form, "reading_date", in.Date)
	value := localNumber(form, "value", in.Value, comma)
	for field, msg := range casework.CheckReading(g.Status, smartOf(g), g.UnitCode, date, value, s.now()) {
		form.Fail(field, msg)
	}
	if form.HasErrors() || date == nil || value == nil {
		return s.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	}
	if err := s.store.AddGoalReading(c.Request().Context(), cl.PracticeID, cl.ID, g.ID, currentUser(c).ID, *date, *value, in.Note,
		clientEntry(c, cl, "goal.reading.create", "goal", g.ID, "")); err != nil {
		return err
	}
	return s.flash(c, goalPath(cl.ID, g.ID), "Reading recorded.")
}

// changeGoalStatus moves a goal through its lifecycle. Activation needs every SMART part;
// every other move needs a reason; revising opens the replacement goal as a draft.
func (s *Server) changeGoalStatus(c echo.Context) error {
	ctx := c.Request().Context()
	cl, g, err := s.goalFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "to", "reason", "confirm_past_target"); err != nil {
		return err
	}
	to := c.FormValue("to")
	reason := strings.TrimSpace(c.FormValue("reason"))
	form := &Form{Values: map[string][]string{"to": {to}, "reason": {reason}}}
	change := casework.StatusChange{From: g.Status, To: to, Reason: reason, Goal: smartOf(g),
		PastTargetConfirmed: c.FormValue("confirm_past_target") == "yes"}
	if to == casework.GoalActive {
		if change.Today, _, err = s.practiceToday(c); err != nil {
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
		return s.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	case errors.As(err, &notAllowed):
		form.Fail("_form", notAllowed.Error())
		return s.showGoal(c, cl, g, http.StatusConflict, form)
	case errors.Is(err, casework.ErrPastTarget):
		form.Values["confirm_past_target"] = []string{"ask"}
		return s.showGoal(c, cl, g, http.StatusConflict, form)
	case errors.As(err, &incomplete):
		comma, err := s.store.DecimalComma(ctx, cl.PracticeID)
		if err != nil {
			return err
		}
		edit := &Form{Values: goalValues(g, comma), Errors: incomplete.Missing}
		edit.Errors["_form"] = "Every SMART part must be in place before the goal becomes active. Complete the parts marked below."
		p := s.page(c, "Edit goal")
		p.Form = edit
		return s.renderGoalForm(c, http.StatusUnprocessableEntity, p, cl, &g)
	case err != nil:
		return err
	}
	if form.HasErrors() {
		return s.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	}
	userID := currentUser(c).ID
	target, msg := goalPath(cl.ID, g.ID), "Goal is now "+to+"."
	audit := clientEntry(c, cl, "goal.status", "goal", g.ID, g.Status+"->"+to)
	if to == casework.GoalRevised {
		newID, err := s.store.ReviseGoal(ctx, cl.PracticeID, cl.ID, g.ID, userID, reason, audit)
		if err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
		err = goalStatusDone(err)
		if err != nil {
			return err
		}
		target, msg = goalPath(cl.ID, newID)+"/edit", "The old goal is marked revised. Edit its replacement below."
	} else if err := goalStatusDone(s.store.TransitionGoal(ctx, cl.PracticeID, cl.ID, g.ID, userID, g.Version, g.Status, to, reason, audit)); err != nil {
		return err
	}
	return s.flash(c, target, msg)
}

// goalStatusDone explains a concurrent status change (the change and its audit entry
// were written together by the store).
func goalStatusDone(err error) error {
	if errors.Is(err, store.ErrConflict) {
		return echo.NewHTTPError(http.StatusConflict).SetInternal(err)
	}
	return err
}
