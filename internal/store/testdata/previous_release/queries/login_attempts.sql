-- name: lock-login-email-and-ip
SELECT pg_advisory_xact_lock(hashtext('login-email:' || $1)),
	pg_advisory_xact_lock(hashtext('login-ip:' || coalesce($2, '')))

-- name: recent-login-failures
SELECT
	(SELECT count(*) FROM login_attempts WHERE email = $1 AND NOT succeeded AND attempted_at >= greatest($3,
		(SELECT max(attempted_at) FROM login_attempts WHERE email = $1 AND succeeded))) AS by_email,
	(SELECT count(*) FROM login_attempts WHERE ip = $2::inet AND NOT succeeded AND attempted_at >= $3) AS by_ip

-- name: insert-login-attempt
INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id

-- name: mark-login-succeeded
UPDATE login_attempts SET succeeded = true WHERE id = $1

-- name: delete-stale-login-throttles
DELETE FROM login_throttles WHERE last_failure_at < $1 AND not_before < $1

-- name: delete-login-attempts-before
DELETE FROM login_attempts WHERE attempted_at < $1

-- name: delete-devices-unused-since
DELETE FROM known_devices WHERE last_used_at < $1
