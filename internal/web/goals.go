package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// goalForm is the SMART goal form. Numbers and dates arrive as text and are read by the
// domain step, so a typing mistake gets a message beside its field.
type goalForm struct {
	Statement     string   `form:"statement" validate:"max=500"`
	What          string   `form:"what" validate:"max=1000"`
	Where         string   `form:"where" validate:"max=1000"`
	WithWhom      string   `form:"with_whom" validate:"max=1000"`
	Metric        string   `form:"metric" validate:"max=200"`
	Unit          string   `form:"unit" validate:"max=100"`
	MetricCode    string   `form:"metric_code" validate:"max=40"`
	UnitCode      string   `form:"unit_code" validate:"max=40"`
	Direction     string   `form:"direction"`
	BaselineValue string   `form:"baseline_value"`
	BaselineDate  string   `form:"baseline_date"`
	TargetValue   string   `form:"target_value"`
	MeasureHow    string   `form:"measure_how" validate:"max=1000"`
	MeasureOften  string   `form:"measure_often" validate:"max=200"`
	Steps         string   `form:"steps" validate:"max=2000"`
	Supports      string   `form:"supports" validate:"max=2000"`
	Concerns      []string `form:"concerns"`
	TargetDate    string   `form:"target_date"`
	Version       int      `form:"version"`
}

// smart reads the form into the domain value, noting unreadable numbers (in the practice's locale),
// negative values and unreadable dates.
func (in goalForm) smart(f *Form, decimalComma bool) casework.SMART {
	return casework.SMART{
		Statement: in.Statement, What: in.What, Where: in.Where, WithWhom: in.WithWhom, Metric: in.Metric, Unit: in.Unit,
		MetricCode: in.MetricCode, UnitCode: in.UnitCode,
		Direction: in.Direction, BaselineValue: localNumber(f, "baseline_value", in.BaselineValue, decimalComma),
		BaselineDate: optionalDate(f, "baseline_date", in.BaselineDate), TargetValue: localNumber(f, "target_value", in.TargetValue, decimalComma),
		MeasureHow: in.MeasureHow, MeasureOften: in.MeasureOften, Steps: in.Steps, Supports: in.Supports,
		Concerns: in.Concerns, TargetDate: optionalDate(f, "target_date", in.TargetDate),
	}
}

func goalInput(g casework.SMART) store.GoalInput {
	return store.GoalInput{Statement: g.Statement, What: g.What, Where: g.Where, WithWhom: g.WithWhom, Metric: g.Metric,
		Unit: g.Unit, Direction: g.Direction, BaselineValue: g.BaselineValue, BaselineDate: g.BaselineDate,
		TargetValue: g.TargetValue, MeasureHow: g.MeasureHow, MeasureOften: g.MeasureOften, Steps: g.Steps,
		Supports: g.Supports, Concerns: g.Concerns, TargetDate: g.TargetDate,
		MetricCode: g.MetricCode, UnitCode: g.UnitCode}
}

// goalValues fills the form from a stored goal, numbers written in the practice's locale.
func goalValues(g store.Goal, decimalComma bool) url.Values {
	return url.Values{
		"statement": {g.Statement}, "what": {g.What}, "where": {g.Where}, "with_whom": {g.WithWhom}, "metric": {g.Metric},
		"unit": {g.Unit}, "metric_code": {g.MetricCode}, "unit_code": {g.UnitCode}, "direction": {g.Direction}, "baseline_value": {localFormat(g.BaselineValue, decimalComma)},
		"baseline_date": {formatDate(g.BaselineDate)}, "target_value": {localFormat(g.TargetValue, decimalComma)},
		"measure_how": {g.MeasureHow}, "measure_often": {g.MeasureOften}, "steps": {g.Steps}, "supports": {g.Supports},
		"concerns": g.Concerns, "target_date": {formatDate(g.TargetDate)}, "version": {strconv.Itoa(g.Version)},
	}
}

func (s *Server) goalFor(c echo.Context) (store.Client, store.Goal, error) {
	cl, err := s.clientFor(c)
	if err != nil {
		return cl, store.Goal{}, err
	}
	id, err := pathID(c, "goal")
	if err != nil {
		return cl, store.Goal{}, err
	}
	g, err := s.store.Goal(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, g, echo.ErrNotFound
	}
	return cl, g, err
}

func (s *Server) renderGoalForm(c echo.Context, status int, p *Page, cl store.Client, g *store.Goal) error {
	p.Data = struct {
		Client store.Client
		Goal   *store.Goal
	}{cl, g}
	return s.render(c, status, "clients/goal_form", p)
}

func (s *Server) newGoalPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, "new goal form"); err != nil {
		return err
	}
	p := s.page(c, "New goal "+cl.Code)
	p.Form.Values = url.Values{"baseline_date": {s.now().Format("2006-01-02")}}
	return s.renderGoalForm(c, http.StatusOK, p, cl, nil)
}

func (s *Server) editGoalPage(c echo.Context) error {
	cl, g, err := s.goalFor(c)
	if err != nil {
		return err
	}
	if !casework.GoalOpen(g.Status) {
		return s.flash(c, goalPath(cl.ID, g.ID), "A closed goal cannot be edited.")
	}
	if err := s.auditClient(c, cl, "goal.view", "goal", g.ID, "edit form"); err != nil {
		return err
	}
	p := s.page(c, "Edit goal")
	comma, err := s.store.DecimalComma(c.Request().Context(), cl.PracticeID)
	if err != nil {
		return err
	}
	p.Form.Values = goalValues(g, comma)
	return s.renderGoalForm(c, http.StatusOK, p, cl, &g)
}

// saveGoal creates a draft goal, or saves an edit when the path names a goal. An active
// goal must stay complete; a draft may be incomplete but never contradictory.
func (s *Server) saveGoal(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	var existing *store.Goal
	if c.Param("goal") != "" {
		_, g, err := s.goalFor(c)
		if err != nil {
			return err
		}
		existing = &g
		if !casework.GoalOpen(g.Status) {
			return s.flash(c, goalPath(cl.ID, g.ID), "A closed goal cannot be edited.")
		}
	}
	var in goalForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	comma, err := s.store.DecimalComma(ctx, cl.PracticeID)
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
	p := s.page(c, "Goal "+cl.Code)
	p.Form = form
	if form.HasErrors() {
		return s.renderGoalForm(c, http.StatusUnprocessableEntity, p, cl, existing)
	}
	if existing == nil {
		id, err := s.store.CreateGoal(ctx, cl.PracticeID, cl.ID, currentUser(c).ID, goalInput(g), clientEntry(c, cl, "goal.create", "goal", 0, ""))
		if err != nil {
			return err
		}
		return s.flash(c, goalPath(cl.ID, id), "Goal saved as a draft. Activate it once every SMART part is in place.")
	}
	err = s.store.UpdateGoal(ctx, cl.PracticeID, cl.ID, existing.ID, in.Version, goalInput(g),
		clientEntry(c, cl, "goal.update", "goal", existing.ID, ""))
	if errors.Is(err, store.ErrConflict) {
		form.Fail("_form", "Someone else changed this goal since you opened it. Your version is below; compare it with the goal's page and save again.")
		form.Values.Set("version", strconv.Itoa(existing.Version))
		return s.renderGoalForm(c, http.StatusConflict, p, cl, existing)
	}
	if err != nil {
		return err
	}
	return s.flash(c, goalPath(cl.ID, existing.ID), "Goal saved.")
}

func goalPath(clientID, goalID int64) string {
	return clientPath(clientID) + "/goals/" + strconv.FormatInt(goalID, 10)
}
