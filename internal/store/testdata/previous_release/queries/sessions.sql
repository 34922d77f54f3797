-- name: find-session
SELECT data FROM sessions WHERE token_hash = $1 AND expiry > now()

-- name: save-session
INSERT INTO sessions (token_hash, data, expiry, practice_id, user_id)
	VALUES ($1, $2, $3, $4, $5)
	ON CONFLICT (token_hash) DO UPDATE
	SET data = excluded.data, expiry = excluded.expiry, practice_id = excluded.practice_id, user_id = excluded.user_id

-- name: delete-session
DELETE FROM sessions WHERE token_hash = $1

-- name: count-user-sessions
SELECT count(*) FROM sessions WHERE practice_id = $1 AND user_id = $2 AND expiry > now()

-- name: delete-expired-sessions
DELETE FROM sessions WHERE expiry <= now()
