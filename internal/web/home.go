package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// dashboard is the home page data: the store's lists plus the judgements made in Go.
type dashboard struct {
	store.Dashboard
	PracticeName string
	OffTrack     []store.DashItem
	Deteriorated []store.DashItem
	Identified   bool // supervisors see client codes only, and no links into records
	Location     *time.Location
}

// withoutNarrative replaces every free-text description with a fixed label, for a
// supervisor: flag summaries, goal statements and template titles are the practice's words
// about a client, and supervisors never receive narrative.
func (d *dashboard) withoutNarrative() {
	label := func(items []store.DashItem, what string) {
		for i := range items {
			items[i].What = what
		}
	}
	label(d.RiskFlags, "Risk flag open")
	label(d.ItemNine, "PHQ-9 item 9 above 0")
	label(d.AwaitingReview, "Homework awaiting review")
	label(d.Overdue, "Homework overdue")
	label(d.Expiring, "Link expiring")
	label(d.GoalsDue, "Goal due")
	label(d.OffTrack, "Goal off track")
	label(d.Recent, "Activity")
}

// home is the signed-in start page: the dashboard of everything needing attention in the
// user's scope (own caseload, the practice, or the supervised counsellors' caseloads).
func (s *Server) home(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	practice, err := s.practiceOf(c)
	if err != nil {
		return err
	}
	scope := store.DashScope{All: u.Role == store.RoleAdmin}
	switch u.Role {
	case store.RoleCounsellor:
		scope.Counsellors = []int64{u.ID}
	case store.RoleSupervisor:
		if scope.Counsellors, err = s.store.Supervisees(ctx, u.PracticeID, u.ID); err != nil {
			return err
		}
	}
	today, loc, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	weekStart := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	d, err := s.store.LoadDashboard(ctx, u.PracticeID, scope, today, weekStart, weekStart.AddDate(0, 0, 7))
	if err != nil {
		return err
	}
	out := dashboard{Dashboard: d, PracticeName: practice.Name, Identified: u.Role != store.RoleSupervisor, Location: loc}
	if out.OffTrack, err = s.offTrack(c, d.ActiveGoals, today); err != nil {
		return err
	}
	conv, err := s.conventionsOf(c)
	if err != nil {
		return err
	}
	for _, r := range d.Results {
		m, ok := measures.ByKey(r.MeasureKey)
		if !ok {
			continue
		}
		if ch := m.ClassifyChange(r.First, r.Latest, conv); ch.Class == measures.Deteriorated {
			on := r.LatestOn
			out.Deteriorated = append(out.Deteriorated, store.DashItem{DashClient: r.DashClient, When: &on,
				What: m.Name + ": " + itoa(r.First) + " to " + itoa(r.Latest), Target: clientPath(r.ClientID) + "/progress"})
		}
	}
	if !out.Identified {
		out.withoutNarrative()
	}
	if err := s.audit(c, store.AuditEntry{Action: "dashboard.view"}); err != nil {
		return err
	}
	p := s.page(c, "Home")
	p.Data = out
	return s.render(c, http.StatusOK, "home", p)
}

// offTrack finds the active goals behind their straight line, with all readings in one query.
func (s *Server) offTrack(c echo.Context, goals []store.DashGoal, today time.Time) ([]store.DashItem, error) {
	ids := make([]int64, len(goals))
	for i, g := range goals {
		ids[i] = g.ID
	}
	readings, err := s.store.GoalReadings(c.Request().Context(), currentUser(c).PracticeID, ids)
	if err != nil {
		return nil, err
	}
	var out []store.DashItem
	for _, g := range goals {
		pr := casework.ProgressOf(smartOf(g.Goal), domainReadings(readings[g.ID]), today)
		if pr.HasReadings && !pr.OnTrack {
			latest := pr.Latest.Date
			out = append(out, store.DashItem{DashClient: g.DashClient, What: g.Statement, When: &latest,
				Target: goalPath(g.DashClient.ClientID, g.ID)})
		}
	}
	return out, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
