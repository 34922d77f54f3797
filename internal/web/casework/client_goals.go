package casework

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/casework"
)

// goalSummaries is the client's goals as the client page lists them, with the progress of each.
func (h *Handlers) goalSummaries(goals []goalRecord) []view.GoalSummary {
	out := make([]view.GoalSummary, len(goals))
	for i, g := range goals {
		p := g.Progress
		out[i] = view.GoalSummary{ID: g.ID, Statement: g.Statement, Status: casework.GoalStatuses().Label(g.Status),
			Active: g.Status == "active", TargetDate: longDate(g.TargetDate), HasReadings: p.HasReadings, OnTrack: p.OnTrack, Share: p.Share}
	}
	return out
}

// clientHomework lists the client's assignments and their completion (entries made ÷
// entries expected over all of them), and counts them for the overview: still to do
// (assigned, started or overdue) and with entries awaiting review.
func (h *Handlers) clientHomework(c echo.Context, as []store.Assignment) ([]view.HomeworkRow, string, view.HomeworkGlance, error) {
	var glance view.HomeworkGlance
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return nil, "", glance, err
	}
	out := make([]view.HomeworkRow, len(as))
	made, expected := 0, 0
	for i, a := range as {
		n := homework.ExpectedEntries(homework.Cadence(a.Cadence), a.StartDate, a.DueDate)
		status := homework.StatusOf(homework.Facts{Cadence: homework.Cadence(a.Cadence), Start: a.StartDate, Due: a.DueDate, Today: today,
			Submitted: a.Submitted, Reviewed: a.Reviewed, Drafts: a.Drafts, Revoked: a.RevokedAt != nil,
			LinkExpired: a.RevokedAt == nil && (a.LinkExpiresAt == nil || !a.LinkExpiresAt.After(h.Now()))})
		out[i] = view.HomeworkRow{ID: a.ID, Title: a.Title, Daily: a.Cadence == "daily", Due: a.DueDate.UTC().Format("2 Jan 2006"),
			Status: homework.StatusLabel(status), Submitted: a.Submitted, Expected: n,
			Completion: percent(homework.CompletionRate(a.Submitted, n))}
		made += a.Submitted
		expected += n
		switch status {
		case homework.StatusOverdue:
			glance.Overdue++
			glance.Due++
		case homework.StatusAssigned, homework.StatusStarted:
			glance.Due++
		}
		if a.Submitted > a.Reviewed {
			glance.Awaiting++
		}
	}
	return out, percent(homework.CompletionRate(made, expected)), glance, nil
}
