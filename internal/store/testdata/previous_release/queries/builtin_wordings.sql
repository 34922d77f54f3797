-- name: builtin-wordings
SELECT template_key, texts FROM builtin_wordings WHERE practice_id = $1

-- name: save-builtin-wording
INSERT INTO builtin_wordings (practice_id, template_key, texts, updated_by) VALUES ($1, $2, $3, $4)
	ON CONFLICT (practice_id, template_key) DO UPDATE SET texts = EXCLUDED.texts, updated_by = EXCLUDED.updated_by, updated_at = now()

-- name: reset-builtin-wording
DELETE FROM builtin_wordings WHERE practice_id = $1 AND template_key = $2

-- name: hidden-builtins
SELECT template_key FROM hidden_builtins WHERE practice_id = $1 ORDER BY template_key

-- name: hide-builtin
INSERT INTO hidden_builtins (practice_id, template_key, hidden_by) VALUES ($1, $2, $3)
	ON CONFLICT (practice_id, template_key) DO NOTHING

-- name: show-builtin
DELETE FROM hidden_builtins WHERE practice_id = $1 AND template_key = $2
