-- name: markers
SELECT id, label, client_label, sort_order, active FROM markers
	WHERE practice_id = $1 AND (active OR $2) ORDER BY sort_order, id

-- name: insert-marker
INSERT INTO markers (practice_id, label, client_label, sort_order)
	SELECT $1, $2, $3, coalesce(max(sort_order), 0) + 1 FROM markers WHERE practice_id = $1

-- name: update-marker
UPDATE markers SET label = $3, client_label = $4, active = $5 WHERE practice_id = $1 AND id = $2

-- name: insert-sitting
INSERT INTO sittings (practice_id, recorded_by, request_key, client_id)
	VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING

-- name: complete-checkin
UPDATE checkins SET completed_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND completed_at IS NULL AND revoked_at IS NULL

-- name: insert-marker-rating
INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source, checkin_id, recorded_by)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: insert-measure-result
INSERT INTO measure_results (practice_id, client_id, measure_key, taken_on, total, answers,
	risk_raised, source, checkin_id, recorded_by, difficulty) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)

-- name: client-marker-ratings
SELECT marker_id, rated_on, value, source FROM marker_ratings
	WHERE practice_id = $1 AND client_id = $2 ORDER BY rated_on, id

-- name: client-measure-results
SELECT id, measure_key, taken_on, total, answers, risk_raised, source, difficulty FROM measure_results
	WHERE practice_id = $1 AND client_id = $2 ORDER BY taken_on, id

-- name: client-event-notes
SELECT id, noted_on, text FROM event_notes
	WHERE practice_id = $1 AND client_id = $2 ORDER BY noted_on, id

-- name: add-event-note
INSERT INTO event_notes (practice_id, client_id, noted_on, text, created_by) VALUES ($1, $2, $3, $4, $5)

-- name: insert-checkin
INSERT INTO checkins (practice_id, client_id, with_markers, measures, due_date, request_key, created_by)
	VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (practice_id, created_by, request_key) DO NOTHING RETURNING id

-- name: checkin-by-request-key
SELECT id FROM checkins WHERE practice_id = $1 AND created_by = $2 AND request_key = $3

-- name: checkin-by-id
SELECT id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at, planned_on FROM checkins WHERE practice_id = $1 AND id = $2

-- name: checkins
SELECT id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at, planned_on FROM checkins WHERE practice_id = $1 AND client_id = $2
	ORDER BY created_at DESC, id DESC

-- name: conventions
SELECT measure_conventions FROM practices WHERE id = $1

-- name: set-conventions
UPDATE practices SET measure_conventions = $2 WHERE id = $1

-- name: supervision
SELECT supervisor_id, counsellor_id FROM supervision WHERE practice_id = $1

-- name: check-supervision-roles
SELECT EXISTS (SELECT 1 FROM users WHERE practice_id = $1 AND id = $2 AND role = 'supervisor' AND active)
	AND (SELECT count(*) FROM users WHERE practice_id = $1 AND id = ANY($3) AND role = 'counsellor') = cardinality($3)

-- name: delete-supervision
DELETE FROM supervision WHERE practice_id = $1 AND supervisor_id = $2

-- name: insert-supervision
INSERT INTO supervision (practice_id, supervisor_id, counsellor_id)
	SELECT $1, $2, unnest($3::bigint[])

-- name: revoke-checkin
UPDATE checkins SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND revoked_at IS NULL AND completed_at IS NULL

-- name: revoke-checkin-links
UPDATE client_links SET revoked_at = now()
	WHERE practice_id = $1 AND checkin_id = $2 AND revoked_at IS NULL

-- name: lock-client-for-trends
-- Writers of one client's ratings queue here, so that the recount below (a new snapshot at
-- READ COMMITTED) sees every rating committed before it.
SELECT id FROM clients WHERE practice_id = $1 AND id = $2 FOR NO KEY UPDATE

-- name: delete-marker-trends
DELETE FROM marker_trends WHERE practice_id = $1 AND client_id = $2 AND marker_id = ANY($3::bigint[])

-- name: insert-marker-trends
-- The last three ratings of each of the client's markers in $3, as kept in marker_trends.
INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
SELECT $1, $2, t.mk, x.n, x.oldest, x.newest, x.newest_on
	FROM unnest($3::bigint[]) AS t(mk)
	CROSS JOIN LATERAL (SELECT count(*) AS n, (array_agg(r.value ORDER BY r.rated_on, r.id))[1] AS oldest,
			(array_agg(r.value ORDER BY r.rated_on DESC, r.id DESC))[1] AS newest, max(r.rated_on) AS newest_on
		FROM (SELECT value, rated_on, id FROM marker_ratings
			WHERE practice_id = $1 AND client_id = $2 AND marker_id = t.mk
			ORDER BY rated_on DESC, id DESC LIMIT 3) r) x
	WHERE x.n > 0
