-- name: user-by-email
SELECT id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at FROM users WHERE lower(email) = lower($1)

-- name: user
SELECT id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at FROM users WHERE practice_id = $1 AND id = $2

-- name: users
SELECT id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at FROM users WHERE practice_id = $1
	ORDER BY active DESC, lower(display_name), id

-- name: create-user
INSERT INTO users (practice_id, email, display_name, role, password_hash)
	VALUES ($1, $2, $3, $4, $5) RETURNING id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at

-- name: deactivate-user
UPDATE users SET active = false, deactivated_at = now(), updated_at = now()
	WHERE practice_id = $1 AND id = $2 AND active

-- name: set-password
UPDATE users SET password_hash = $3, updated_at = now()
	WHERE practice_id = $1 AND id = $2
