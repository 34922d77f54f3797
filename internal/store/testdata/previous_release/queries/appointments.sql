-- name: create-appointment
INSERT INTO appointments (practice_id, client_id, starts_at, duration_minutes, status, format, note, created_by)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, client_id, starts_at, duration_minutes, status, format, note

-- name: update-appointment
UPDATE appointments SET starts_at = $4, duration_minutes = $5, status = $6, format = $7,
		note = $8, updated_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3

-- name: appointment
SELECT id, client_id, starts_at, duration_minutes, status, format, note FROM appointments
	WHERE practice_id = $1 AND client_id = $2 AND id = $3

-- name: appointments
SELECT id, client_id, starts_at, duration_minutes, status, format, note FROM appointments
	WHERE practice_id = $1 AND client_id = $2 ORDER BY starts_at DESC, id DESC

-- name: summarise-appointments
SELECT
		count(*) FILTER (WHERE status = 'attended') AS attended,
		max(starts_at) FILTER (WHERE status = 'attended') AS last_attended,
		min(starts_at) FILTER (WHERE status = 'scheduled' AND starts_at >= $3) AS next_scheduled
	FROM appointments WHERE practice_id = $1 AND client_id = $2
