-- name: link-by-token-hash
SELECT id, practice_id, client_id, assignment_id, checkin_id, expires_at, revoked_at, pin_set_at, pin_locked_at FROM client_links WHERE token_hash = $1

-- name: client-link-by-id
SELECT id, practice_id, client_id, assignment_id, checkin_id, expires_at, revoked_at, pin_set_at, pin_locked_at FROM client_links
	WHERE practice_id = $1 AND id = $2

-- name: client-view-of
SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
			p.name AS practice_name, p.name_on_client_pages, p.time_zone, p.pin_before_forms, a.id, a.client_id, a.template_ref, a.title, a.template, a.instructions, a.start_date, a.due_date,
	a.cadence, a.goal_id, a.goal_field, a.revoked_at, a.created_at,
	a.submitted_entries AS submitted, a.reviewed_entries AS reviewed, a.draft_entries AS drafts,
	(SELECT max(l.expires_at) FROM client_links l WHERE l.practice_id = a.practice_id AND l.client_id = a.client_id AND l.revoked_at IS NULL
		AND l.checkin_id IS NULL AND (l.assignment_id IS NULL OR l.assignment_id = a.id)) AS link_expires_at
	FROM assignments a
		JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		JOIN practices p ON p.id = a.practice_id
		WHERE a.practice_id = $1 AND a.id = $2

-- name: checkin-client
SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
		p.name AS practice_name, p.name_on_client_pages, p.time_zone, p.pin_before_forms
	FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1 AND c.id = $2

-- name: client-link-state
SELECT id, practice_id, client_id, assignment_id, checkin_id, expires_at, revoked_at, pin_set_at, pin_locked_at FROM client_links
	WHERE practice_id = $1 AND client_id = $2 AND revoked_at IS NULL AND expires_at > now() ORDER BY id

-- name: issue-client-link
INSERT INTO client_links (practice_id, client_id, token_hash, expires_at, created_by)
	VALUES ($1, $2, $3, $4, $5) RETURNING id

-- name: revoke-links-of
UPDATE client_links SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND revoked_at IS NULL

-- name: client-view-by-client
SELECT c.id AS client_id, c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
		p.name AS practice_name, p.name_on_client_pages, p.time_zone, p.pin_before_forms
	FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1 AND c.id = $2

-- name: live-client-link-id
SELECT id FROM client_links WHERE practice_id = $1 AND client_id = $2
	AND revoked_at IS NULL AND assignment_id IS NULL AND checkin_id IS NULL

-- name: due-assignments
-- The client's homework their page lists on day $3: not revoked, and either not started yet
-- or with a day still to send, with its template and the client's wording settings.
SELECT c.first_name AS client_first_name, c.preferred_name, c.neutral_messages,
	p.name AS practice_name, p.name_on_client_pages, p.time_zone, p.pin_before_forms,
	a.id, a.client_id, a.template_ref, a.title, a.template, a.instructions, a.start_date, a.due_date,
	a.cadence, a.goal_id, a.goal_field, a.revoked_at, a.created_at,
	a.submitted_entries AS submitted, a.reviewed_entries AS reviewed, a.draft_entries AS drafts,
	(SELECT max(l.expires_at) FROM client_links l WHERE l.practice_id = a.practice_id AND l.client_id = a.client_id AND l.revoked_at IS NULL
		AND l.checkin_id IS NULL AND (l.assignment_id IS NULL OR l.assignment_id = a.id)) AS link_expires_at
	FROM assignments a
	JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
	JOIN practices p ON p.id = a.practice_id
	CROSS JOIN LATERAL (SELECT CASE WHEN a.cadence = 'once' THEN a.start_date
		ELSE LEAST(a.due_date, $3::date) END AS last_day) d
	WHERE a.practice_id = $1 AND a.client_id = $2 AND a.revoked_at IS NULL
		AND (a.start_date > $3::date OR d.last_day - a.start_date + 1 > (SELECT count(*) FROM homework_entries e
			WHERE e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
				AND e.entry_date BETWEEN a.start_date AND d.last_day))
	ORDER BY a.due_date DESC, a.id DESC
