package casework

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// goalRecord is a goal with its readings and progress.
type goalRecord struct {
	store.Goal
	Readings []store.GoalReading
	Progress casework.Progress
}

// GoalPage shows a goal; the reading form defaults to today.
func (h *Handlers) GoalPage(c echo.Context) error {
	cl, g, err := h.goalFor(c)
	if err != nil {
		return err
	}
	return h.showGoal(c, cl, g, http.StatusOK, &ui.Form{Values: url.Values{"reading_date": {h.Now().Format("2006-01-02")}}})
}

// showGoal renders a goal with its progress, chart, readings, history and next steps.
func (h *Handlers) showGoal(c echo.Context, cl store.Client, g store.Goal, status int, form *ui.Form) error {
	ctx := c.Request().Context()
	readings, err := h.Store.GoalReadings(ctx, cl.PracticeID, []int64{g.ID})
	if err != nil {
		return err
	}
	history, err := h.Store.GoalHistory(ctx, cl.PracticeID, g.ID)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "goal.view", "goal", g.ID, ""); err != nil {
		return err
	}
	rec := goalRecord{Goal: g, Readings: readings[g.ID], Progress: casework.ProgressOf(kit.SMARTOf(g), kit.ReadingsOf(readings[g.ID]), h.Now())}
	spec := goalChart(rec)
	spec.Width, spec.Height, spec.Legend = questionnaireWidth, questionnaireHeight, true // text of 12 px or more on a phone
	v := view.GoalPageView{Page: h.Page(c, "Goal "+cl.Code), Form: form, Client: goalClient(cl), Goal: goalShown(rec),
		ChartSVG: string(h.Charts.SVG(spec)), Table: goalTable(spec), Legend: legendOf(spec),
		MissingParts: len(kit.SMARTOf(g).MissingForActivation())}
	for _, to := range casework.NextStatuses(g.Status) {
		v.Next = append(v.Next, ui.Option{Value: to, Label: casework.GoalStatuses().Label(to)})
	}
	moment := h.Moments(c)
	for _, ch := range history {
		v.History = append(v.History, view.GoalChange{At: moment(ch.ChangedAt),
			From: ch.FromStatus, To: ch.ToStatus, By: ch.ChangedByName, Reason: ch.Reason})
	}
	return h.Render(c, status, view.GoalPage(v))
}

// goalShown puts a goal's parts in words for its page.
func goalShown(r goalRecord) view.GoalShown {
	g := r.Goal
	s := view.GoalShown{ID: g.ID, Statement: g.Statement, Status: g.Status, StatusLabel: casework.GoalStatuses().Label(g.Status),
		What: g.What, Where: g.Where, WithWhom: g.WithWhom, Metric: g.Metric, Unit: g.Unit, Direction: g.Direction,
		Baseline: kit.FormatNumber(g.BaselineValue), BaselineDate: goalDay(g.BaselineDate), Target: kit.FormatNumber(g.TargetValue),
		MeasureHow: g.MeasureHow, MeasureOften: g.MeasureOften, Steps: g.Steps, Supports: g.Supports,
		Concerns: casework.PresentingConcerns().Labels(g.Concerns), TargetDate: goalDay(g.TargetDate)}
	if g.ReplacedBy != nil {
		s.ReplacedBy = *g.ReplacedBy
	}
	p := r.Progress
	latest := p.Latest.Value
	s.Progress = view.GoalProgress{HasReadings: p.HasReadings, Share: fmt.Sprint(p.Share),
		Latest: kit.FormatNumber(&latest), LatestOn: p.Latest.Date.UTC().Format("2 Jan 2006"),
		Percent: goalPercent(p.Share), Expected: goalPercent(p.Expected), Reached: p.Reached, OnTrack: p.OnTrack}
	return s
}
