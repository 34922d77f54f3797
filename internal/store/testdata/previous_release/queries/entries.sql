-- name: entries
SELECT id, assignment_id, entry_date, answers, status, idempotency_key, submitted_at, reviewed_at, reply FROM homework_entries
	WHERE practice_id = $1 AND assignment_id = $2 ORDER BY entry_date, id

-- name: entry-assignment-for-link
SELECT a.id FROM assignments a JOIN client_links l
		ON l.practice_id = a.practice_id AND l.client_id = a.client_id
	WHERE a.practice_id = $1 AND a.id = $2 AND l.id = $3 AND l.revoked_at IS NULL AND l.expires_at > now()
		AND a.revoked_at IS NULL
	FOR UPDATE OF a

-- name: lock-entry-of-day
SELECT id, assignment_id, entry_date, answers, status, idempotency_key, submitted_at, reviewed_at, reply FROM homework_entries
	WHERE practice_id = $1 AND assignment_id = $2 AND entry_date = $3 FOR UPDATE

-- name: update-entry
UPDATE homework_entries SET answers = $3, status = $4, idempotency_key = $5,
		submitted_at = CASE WHEN $4 = 'submitted' THEN now() END, updated_at = now()
	WHERE practice_id = $1 AND id = $2

-- name: insert-entry
INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date,
		answers, status, idempotency_key, submitted_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'submitted' THEN now() END)
	ON CONFLICT (practice_id, assignment_id, entry_date) DO NOTHING RETURNING id

-- name: insert-homework-reading
INSERT INTO goal_readings (practice_id, goal_id, reading_date, value, source, entry_id)
	SELECT $1, g.id, $3, $4, 'homework', $5 FROM goals g
	WHERE g.practice_id = $1 AND g.id = $2 AND g.status IN ('draft', 'active')
	ON CONFLICT DO NOTHING

-- name: lock-assignment-for-review
SELECT client_id FROM assignments WHERE practice_id = $1 AND id = $2 FOR NO KEY UPDATE

-- name: review-entry
UPDATE homework_entries SET reviewed_at = now(), reviewed_by = $4, reply = $5, updated_at = now()
	WHERE practice_id = $1 AND assignment_id = $2 AND id = $3 AND status = 'submitted'

-- name: recount-assignment-entries
-- The counts kept on an assignment, recounted from its entries after any change to them, in
-- the change's transaction (the assignment is locked first, so every earlier change is counted).
UPDATE assignments a SET submitted_entries = n.submitted, reviewed_entries = n.reviewed, draft_entries = n.drafts
	FROM (SELECT count(*) FILTER (WHERE status = 'submitted') AS submitted, count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed,
			count(*) FILTER (WHERE status = 'draft') AS drafts
		FROM homework_entries WHERE practice_id = $1 AND assignment_id = $2) n
	WHERE a.practice_id = $1 AND a.id = $2
		AND (a.submitted_entries, a.reviewed_entries, a.draft_entries) IS DISTINCT FROM (n.submitted, n.reviewed, n.drafts)
