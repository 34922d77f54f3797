package web

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// goalView is a goal with its readings and progress, as pages show it.
type goalView struct {
	store.Goal
	Readings []store.GoalReading
	Progress casework.Progress
}

// goalViews loads the client's goals and all their readings in two queries.
func (s *Server) goalViews(c echo.Context, cl store.Client) ([]goalView, error) {
	ctx := c.Request().Context()
	goals, err := s.store.Goals(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(goals))
	for i, g := range goals {
		ids[i] = g.ID
	}
	readings, err := s.store.GoalReadings(ctx, cl.PracticeID, ids)
	if err != nil {
		return nil, err
	}
	views := make([]goalView, len(goals))
	for i, g := range goals {
		views[i] = goalView{Goal: g, Readings: readings[g.ID], Progress: casework.ProgressOf(smartOf(g), domainReadings(readings[g.ID]), s.now())}
	}
	return views, nil
}

// smartOf converts a stored goal to the domain's SMART value.
func smartOf(g store.Goal) casework.SMART {
	return casework.SMART{
		Statement: g.Statement, What: g.What, Where: g.Where, WithWhom: g.WithWhom, Metric: g.Metric, Unit: g.Unit,
		MetricCode: g.MetricCode, UnitCode: g.UnitCode, Direction: g.Direction, BaselineValue: g.BaselineValue, BaselineDate: g.BaselineDate, TargetValue: g.TargetValue,
		MeasureHow: g.MeasureHow, MeasureOften: g.MeasureOften, Steps: g.Steps, Supports: g.Supports,
		Concerns: g.Concerns, TargetDate: g.TargetDate,
	}
}

func domainReadings(rs []store.GoalReading) []casework.Reading {
	out := make([]casework.Reading, len(rs))
	for i, r := range rs {
		out[i] = casework.Reading{Date: r.ReadingDate, Value: r.Value}
	}
	return out
}
