-- name: insert-assignment
INSERT INTO assignments (practice_id, client_id, template_ref, title, template, instructions,
		start_date, due_date, cadence, goal_id, goal_field, request_key, created_by)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
	ON CONFLICT (practice_id, created_by, request_key) DO NOTHING RETURNING id

-- name: assignment-by-request-key
SELECT id FROM assignments WHERE practice_id = $1 AND created_by = $2 AND request_key = $3

-- name: lock-open-client
SELECT status <> 'discharged' AND archived_at IS NULL FROM clients
	WHERE practice_id = $1 AND id = $2 FOR UPDATE

-- name: assignment
SELECT a.id, a.client_id, a.template_ref, a.title, a.template, a.instructions, a.start_date, a.due_date,
	a.cadence, a.goal_id, a.goal_field, a.revoked_at, a.created_at,
	a.submitted_entries AS submitted, a.reviewed_entries AS reviewed, a.draft_entries AS drafts,
	(SELECT max(l.expires_at) FROM client_links l WHERE l.practice_id = a.practice_id AND l.client_id = a.client_id AND l.revoked_at IS NULL
		AND l.checkin_id IS NULL AND (l.assignment_id IS NULL OR l.assignment_id = a.id)) AS link_expires_at
	FROM assignments a WHERE a.practice_id = $1 AND a.client_id = $2 AND a.id = $3

-- name: assignments
SELECT a.id, a.client_id, a.template_ref, a.title, NULL::jsonb AS template, a.instructions, a.start_date, a.due_date,
	a.cadence, a.goal_id, a.goal_field, a.revoked_at, a.created_at,
	a.submitted_entries AS submitted, a.reviewed_entries AS reviewed, a.draft_entries AS drafts,
	(SELECT max(l.expires_at) FROM client_links l WHERE l.practice_id = a.practice_id AND l.client_id = a.client_id AND l.revoked_at IS NULL
		AND l.checkin_id IS NULL AND (l.assignment_id IS NULL OR l.assignment_id = a.id)) AS link_expires_at
	FROM assignments a WHERE a.practice_id = $1 AND a.client_id = $2
		ORDER BY a.due_date DESC, a.id DESC

-- name: revoke-assignment
UPDATE assignments SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND revoked_at IS NULL

-- name: revoke-assignment-links
UPDATE client_links SET revoked_at = now()
	WHERE practice_id = $1 AND assignment_id = $2 AND revoked_at IS NULL

-- name: revoke-open-checkins
UPDATE checkins SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND revoked_at IS NULL AND completed_at IS NULL

-- name: revoke-client-assignments
UPDATE assignments SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND revoked_at IS NULL
