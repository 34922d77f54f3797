package web

import (
	"encoding/json"
	"errors"
	"net/http"

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

// clientPage brings the case together: header with the risk flag, intake, goals and appointments.
func (s *Server) clientPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	return s.showClient(c, cl, http.StatusOK, &Form{})
}

// showClient renders the client page; form carries a failed risk-flag review back to it.
func (s *Server) showClient(c echo.Context, cl store.Client, status int, form *Form) error {
	ctx := c.Request().Context()
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	flags, err := s.store.RiskFlags(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	var intake *store.IntakeVersion
	var overallRisk string
	if v, err := s.store.LatestIntake(ctx, cl.PracticeID, cl.ID); err == nil {
		intake = &v
		var in casework.Intake
		if json.Unmarshal(v.Data, &in) == nil {
			overallRisk = in.OverallRisk
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	goals, err := s.goalViews(c, cl)
	if err != nil {
		return err
	}
	summary, err := s.store.SummariseAppointments(ctx, cl.PracticeID, cl.ID, s.now())
	if err != nil {
		return err
	}
	appointments, err := s.store.Appointments(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	if len(appointments) > 10 {
		appointments = appointments[:10]
	}
	homeworkViews, completion, err := s.homeworkViews(c, cl)
	if err != nil {
		return err
	}
	var counsellors []store.User
	if currentUser(c).Role == store.RoleAdmin {
		if counsellors, err = s.store.Counsellors(ctx, cl.PracticeID); err != nil {
			return err
		}
	}
	links, err := s.store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, ""); err != nil {
		return err
	}
	p := s.page(c, "Client "+cl.Code)
	p.Form = form
	p.Data = struct {
		Client       store.Client
		Flags        []store.RiskFlag
		Intake       *store.IntakeVersion
		OverallRisk  string
		Goals        []goalView
		Summary      store.AppointmentSummary
		Appointments []store.Appointment
		Counsellors  []store.User
		Location     any
		Homework     []assignmentView
		Completion   float64
		Links        store.LinkState
	}{cl, flags, intake, overallRisk, goals, summary, appointments, counsellors, loc, homeworkViews, completion, links}
	return s.render(c, status, "clients/show", p)
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
