-- name: latest-intake
SELECT v.version, v.section, v.data, v.saved_by, u.display_name AS saved_by_name, v.saved_at
	FROM intake_versions v JOIN users u ON u.practice_id = v.practice_id AND u.id = v.saved_by
		WHERE v.practice_id = $1 AND v.client_id = $2 ORDER BY v.version DESC LIMIT 1

-- name: intake-version-at
SELECT v.version, v.section, v.data, v.saved_by, u.display_name AS saved_by_name, v.saved_at
	FROM intake_versions v JOIN users u ON u.practice_id = v.practice_id AND u.id = v.saved_by
		WHERE v.practice_id = $1 AND v.client_id = $2 AND v.version = $3

-- name: intake-history
SELECT v.version, v.section, ''::bytea AS data, v.saved_by, u.display_name AS saved_by_name, v.saved_at
	FROM intake_versions v JOIN users u ON u.practice_id = v.practice_id AND u.id = v.saved_by
	WHERE v.practice_id = $1 AND v.client_id = $2 ORDER BY v.version DESC

-- name: lock-client
SELECT id FROM clients WHERE practice_id = $1 AND id = $2 FOR UPDATE

-- name: latest-intake-version
SELECT coalesce(max(version), 0) FROM intake_versions
	WHERE practice_id = $1 AND client_id = $2

-- name: insert-intake-version
INSERT INTO intake_versions (practice_id, client_id, version, section, data, saved_by)
	VALUES ($1, $2, $3, $4, $5, $6)

-- name: raise-flag
INSERT INTO risk_flags (practice_id, client_id, source, summary, raised_by)
	VALUES ($1, $2, $3, $4, $5)
	ON CONFLICT (practice_id, client_id, source) WHERE cleared_at IS NULL
	DO UPDATE SET summary = EXCLUDED.summary, raised_at = now()
	RETURNING xmax = 0
