-- name: risk-flags
SELECT f.id, f.client_id, f.source, f.summary, f.raised_at, r.display_name AS raised_by_name,
		f.cleared_at, c.display_name AS cleared_by_name, f.review_note
	FROM risk_flags f
	LEFT JOIN users r ON r.practice_id = f.practice_id AND r.id = f.raised_by
	LEFT JOIN users c ON c.practice_id = f.practice_id AND c.id = f.cleared_by
	WHERE f.practice_id = $1 AND f.client_id = $2
	ORDER BY f.cleared_at IS NOT NULL, f.raised_at DESC

-- name: clear-risk-flag
UPDATE risk_flags SET cleared_at = now(), cleared_by = $4, review_note = $5
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND cleared_at IS NULL
