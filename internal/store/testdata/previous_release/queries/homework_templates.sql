-- name: homework-templates
SELECT id, title, definition, based_on, version, archived_at, updated_at, created_by FROM homework_templates
	WHERE practice_id = $1 AND archived_at IS NULL ORDER BY lower(title), id

-- name: homework-template
SELECT id, title, definition, based_on, version, archived_at, updated_at, created_by FROM homework_templates WHERE practice_id = $1 AND id = $2

-- name: create-homework-template
INSERT INTO homework_templates (practice_id, title, definition, based_on, created_by)
	VALUES ($1, $2, $3, $4, $5) RETURNING id

-- name: update-homework-template
UPDATE homework_templates SET title = $4, definition = $5, version = version + 1, updated_at = now()
	WHERE practice_id = $1 AND id = $2 AND version = $3 AND archived_at IS NULL

-- name: archive-homework-template
UPDATE homework_templates SET archived_at = now(), updated_at = now()
	WHERE practice_id = $1 AND id = $2 AND archived_at IS NULL
