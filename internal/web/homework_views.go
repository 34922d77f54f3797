package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// assignmentView is an assignment with its status and completion, as staff see it.
type assignmentView struct {
	store.Assignment
	Status     string
	Expected   int
	Completion float64
}

func (s *Server) viewAssignment(a store.Assignment, today time.Time) assignmentView {
	expected := homework.ExpectedEntries(homework.Cadence(a.Cadence), a.StartDate, a.DueDate)
	status := homework.StatusOf(homework.Facts{Cadence: homework.Cadence(a.Cadence), Start: a.StartDate, Due: a.DueDate, Today: today,
		Submitted: a.Submitted, Reviewed: a.Reviewed, Drafts: a.Drafts, Revoked: a.RevokedAt != nil,
		LinkExpired: a.RevokedAt == nil && (a.LinkExpiresAt == nil || !a.LinkExpiresAt.After(s.now()))})
	return assignmentView{Assignment: a, Status: status, Expected: expected, Completion: homework.CompletionRate(a.Submitted, expected)}
}

// homeworkViews loads a client's assignments and their completion: entries made ÷ entries
// expected over all of them.
func (s *Server) homeworkViews(c echo.Context, cl store.Client) ([]assignmentView, float64, error) {
	as, err := s.store.Assignments(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return nil, 0, err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return nil, 0, err
	}
	views := make([]assignmentView, len(as))
	made, expected := 0, 0
	for i, a := range as {
		views[i] = s.viewAssignment(a, today)
		made += a.Submitted
		expected += views[i].Expected
	}
	return views, homework.CompletionRate(made, expected), nil
}
