-- name: two-factor
SELECT t.totp_secret, t.last_step, t.enabled_at,
		(SELECT count(*) FROM recovery_codes r WHERE r.practice_id = t.practice_id AND r.user_id = t.user_id
			AND r.used_at IS NULL) AS recovery_left
	FROM two_factor t WHERE t.practice_id = $1 AND t.user_id = $2

-- name: insert-two-factor
INSERT INTO two_factor (practice_id, user_id, totp_secret, last_step, enabled_at)
	VALUES ($1, $2, $3, $4, $5)
	ON CONFLICT (practice_id, user_id) DO UPDATE
	SET totp_secret = excluded.totp_secret, last_step = excluded.last_step, enabled_at = excluded.enabled_at

-- name: delete-recovery-codes
DELETE FROM recovery_codes WHERE practice_id = $1 AND user_id = $2

-- name: insert-recovery-codes
INSERT INTO recovery_codes (practice_id, user_id, code_hash)
	SELECT $1, $2, unnest($3::bytea[])

-- name: end-sessions-but-one
DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2
	AND token_hash IS DISTINCT FROM $3

-- name: disable-two-factor
DELETE FROM two_factor WHERE practice_id = $1 AND user_id = $2

-- name: accept-totp-step
UPDATE two_factor SET last_step = $3
	WHERE practice_id = $1 AND user_id = $2 AND last_step < $3

-- name: use-recovery-code
UPDATE recovery_codes SET used_at = $4
	WHERE practice_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL

-- name: count-unused-recovery-codes
SELECT count(*) FROM recovery_codes
	WHERE practice_id = $1 AND user_id = $2 AND used_at IS NULL

-- name: user-sessions
SELECT token_hash, data, created_at, expiry FROM sessions
	WHERE practice_id = $1 AND user_id = $2 AND expiry > now() ORDER BY created_at DESC, token_hash

-- name: end-other-sessions
DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2
	AND token_hash IS DISTINCT FROM $3

-- name: set-email
UPDATE users SET email = $3, updated_at = now()
	WHERE practice_id = $1 AND id = $2

-- name: count-two-factor
SELECT count(*) FROM two_factor

-- name: lock-all-two-factor
SELECT practice_id, user_id, totp_secret FROM two_factor
	ORDER BY practice_id, user_id FOR UPDATE

-- name: set-totp-secret
UPDATE two_factor SET totp_secret = $3 WHERE practice_id = $1 AND user_id = $2

-- name: lock-two-factor
SELECT 1 FROM two_factor WHERE practice_id = $1 AND user_id = $2 FOR UPDATE

-- name: end-user-sessions
DELETE FROM sessions WHERE practice_id = $1 AND user_id = $2
