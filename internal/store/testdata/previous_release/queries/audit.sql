-- name: record-audit
INSERT INTO audit_log
	(practice_id, actor_user_id, action, entity_type, entity_id, client_id, ip, request_id, outcome, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: audit-log
-- $2 action prefix, $3 actor, $4 outcome: '' or 0 does not filter; $5 from (inclusive) and
-- $6 to (exclusive): NULL does not filter.
SELECT a.id, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.action, a.entity_type,
	a.entity_id, a.client_id, host(a.ip) AS ip, a.request_id, a.outcome, a.detail, count(*) OVER () AS total
FROM audit_log a LEFT JOIN users u ON u.practice_id = a.practice_id AND u.id = a.actor_user_id
WHERE a.practice_id = $1
	AND ($2::text = '' OR a.action LIKE $2 || '%')
	AND ($3::bigint = 0 OR a.actor_user_id = $3)
	AND ($4::text = '' OR a.outcome = $4)
	AND ($5::timestamptz IS NULL OR a.occurred_at >= $5)
	AND ($6::timestamptz IS NULL OR a.occurred_at < $6)
ORDER BY a.occurred_at DESC, a.id DESC
LIMIT $7 OFFSET $8
