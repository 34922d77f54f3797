-- name: set-link-pin
UPDATE client_links SET pin_hash = $3, pin_set_at = now()
	WHERE practice_id = $1 AND id = $2 AND pin_hash IS NULL

-- name: try-link-pin
UPDATE client_links SET pin_failures = pin_failures + 1
	WHERE practice_id = $1 AND id = $2 AND pin_hash IS NOT NULL AND pin_locked_at IS NULL AND pin_failures < $3
	RETURNING pin_hash, pin_failures

-- name: pin-was-right
UPDATE client_links SET pin_failures = 0
	WHERE practice_id = $1 AND id = $2 AND pin_locked_at IS NULL

-- name: lock-link-pin
UPDATE client_links SET pin_locked_at = $3
	WHERE practice_id = $1 AND id = $2 AND pin_locked_at IS NULL AND pin_failures >= $4
