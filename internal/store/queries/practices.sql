-- name: create-practice
INSERT INTO practices (name) VALUES ($1) RETURNING id, name, time_zone, created_at

-- name: start-practice-rows
-- A new practice's own rows: its client counter and the seven default markers.
WITH counter AS (INSERT INTO practice_counters (practice_id) VALUES ($1))
INSERT INTO markers (practice_id, label, client_label, sort_order)
	SELECT $1, d.label, default_marker_client_label(d.label), d.sort_order FROM default_markers() d

-- name: practice
SELECT id, name, time_zone, created_at FROM practices WHERE id = $1

-- name: practice-by-name
SELECT id, name, time_zone, created_at FROM practices WHERE lower(name) = lower($1)

-- name: count-practices
SELECT count(*) FROM practices

-- name: settings
SELECT time_zone, name_on_client_pages, retention_years, pin_before_forms, links_in_reminders FROM practices WHERE id = $1

-- name: two-factor-required
SELECT require_two_factor FROM practices WHERE id = $1

-- name: save-settings
UPDATE practices SET time_zone = $2, name_on_client_pages = $3, require_two_factor = $4,
	retention_years = $5, pin_before_forms = $6, links_in_reminders = $7 WHERE id = $1

-- name: end-sessions-without-two-factor
DELETE FROM sessions s WHERE s.practice_id = $1 AND s.user_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM two_factor t WHERE t.practice_id = s.practice_id AND t.user_id = s.user_id)

-- name: pseudonym-key
SELECT pseudonym_key FROM practices WHERE id = $1

-- name: ensure-pseudonym-key
UPDATE practices SET pseudonym_key = coalesce(pseudonym_key, $2)
	WHERE id = $1 RETURNING pseudonym_key

-- name: rotate-pseudonym-key
UPDATE practices SET pseudonym_key = $2 WHERE id = $1
