-- name: count-device-failure
UPDATE known_devices d SET
		failures = CASE WHEN d.last_failure_at IS NULL OR d.last_failure_at < $3 THEN 1 ELSE d.failures + 1 END,
		last_failure_at = $4
	FROM users u WHERE u.practice_id = d.practice_id AND u.id = d.user_id AND lower(u.email) = $2
		AND d.token_hash = $1 AND (d.last_failure_at IS NULL OR d.last_failure_at < $3 OR d.failures < $5)
	RETURNING d.id

-- name: sign-in-waits
SELECT
	(SELECT not_before FROM login_throttles WHERE email = $1) AS email_until,
	CASE WHEN (SELECT count(*) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) >= $4
		THEN (SELECT min(attempted_at) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) + $5 * interval '1 second'
		END AS ip_until

-- name: count-email-failure
INSERT INTO login_throttles AS t (email, failures, last_failure_at, not_before)
	VALUES ($1, 1, $2, $2)
	ON CONFLICT (email) DO UPDATE SET
		failures = CASE WHEN t.last_failure_at < $3 THEN 1 ELSE t.failures + 1 END, last_failure_at = $2
	RETURNING failures

-- name: delay-email
UPDATE login_throttles SET not_before = $2 WHERE email = $1

-- name: clear-device-failures
UPDATE known_devices SET failures = 0, last_failure_at = NULL, last_used_at = $2
	WHERE id = $1

-- name: clear-email-throttle
DELETE FROM login_throttles WHERE email = $1

-- name: remember-device
INSERT INTO known_devices (practice_id, user_id, token_hash, created_at, last_used_at)
	VALUES ($1, $2, $3, $4, $4) ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = excluded.last_used_at

-- name: is-known-device
SELECT EXISTS (SELECT 1 FROM known_devices
	WHERE practice_id = $1 AND user_id = $2 AND token_hash = $3)
