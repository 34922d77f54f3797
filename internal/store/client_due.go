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
	err := s.db.SelectContext(ctx, &vs, `SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
			p.name AS practice_name, p.name_on_client_pages, p.time_zone, p.pin_before_forms, `+assignmentColumns+`
		JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		JOIN practices p ON p.id = a.practice_id
		CROSS JOIN LATERAL (SELECT CASE WHEN a.cadence = 'once' THEN a.start_date
			ELSE LEAST(a.due_date, $3::date) END AS last_day) d
		WHERE a.practice_id = $1 AND a.client_id = $2 AND a.revoked_at IS NULL
			AND (a.start_date > $3::date OR d.last_day - a.start_date + 1 > (SELECT count(*) FROM homework_entries e
				WHERE e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
					AND e.entry_date BETWEEN a.start_date AND d.last_day))
		ORDER BY a.due_date DESC, a.id DESC`, practiceID, clientID, today.Format(time.DateOnly))
	return vs, mapErr("due assignments", err)
}
