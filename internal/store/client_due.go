package store

import (
	"context"
	"time"
)

// DueAssignments returns in one query the client's homework that their page lists on day
// today: not revoked, and either not started yet (upcoming) or with a day still to send
// (the start date of a once-only form; for a daily one, any day from the start to today and
// not after the due date). Each comes with its template and the client's wording settings,
// as ClientViewOf reads them, latest due first.
func (s *Store) DueAssignments(ctx context.Context, practiceID, clientID int64, today time.Time) ([]ClientView, error) {
	var vs []ClientView
	err := s.q.DueAssignments.SelectContext(ctx, &vs, practiceID, clientID, today.Format(time.DateOnly))
	return vs, mapErr("due assignments", err)
}
