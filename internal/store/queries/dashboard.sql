-- The dashboard's reads, each in two forms: for a practice (-practice: $1 the practice, then
-- the read's own parameters) and for some counsellors' caseloads ($1 the practice, $2 the
-- counsellors, then the read's own). Two statements, so each has a plan of its own: one plan
-- for both would be a poor fit for one of them. Nothing is judged at read time: the queue is
-- attention_items, kept by the store as it writes.

-- name: generic-plans
-- For the snapshot the dashboard is read on: one plan per statement and connection, and no JIT.
-- A generic plan of the practice-wide queue is costed for every client, above jit_above_cost,
-- and compiling it took 25 ms of a 45 ms read on the bench practice (20 ms without).
SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('jit', 'off', true)

-- name: dash-status-counts-practice
SELECT c.status, count(*) AS n FROM clients c WHERE c.practice_id = $1 AND c.archived_at IS NULL GROUP BY c.status

-- name: dash-status-counts
SELECT c.status, count(*) AS n FROM clients c WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) GROUP BY c.status

-- name: dash-appointments-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	p.duration_minutes || ' min' AS what, p.starts_at AS at, '/clients/' || c.id || '#appointments' AS target,
	(SELECT count(*) FROM appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND p.status = 'scheduled' AND p.starts_at >= $2 AND p.starts_at < $3) AS total
FROM appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND p.status = 'scheduled' AND p.starts_at >= $2 AND p.starts_at < $3
ORDER BY p.starts_at LIMIT 20

-- name: dash-appointments
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	p.duration_minutes || ' min' AS what, p.starts_at AS at, '/clients/' || c.id || '#appointments' AS target,
	(SELECT count(*) FROM appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND p.status = 'scheduled' AND p.starts_at >= $3 AND p.starts_at < $4) AS total
FROM appointments p JOIN clients c ON c.practice_id = p.practice_id AND c.id = p.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND p.status = 'scheduled' AND p.starts_at >= $3 AND p.starts_at < $4
ORDER BY p.starts_at LIMIT 20

-- The attention queue (attention_items, written by the store with each change): the open items
-- of the scope that show now, grouped per client and part ($3 the most clients to return).
-- Risk, item 9, deterioration, marker falls and entries to review show at once; an overdue
-- assignment once its due_at has passed; a link in the three days before it expires; a goal
-- from fourteen days before its target date. A snoozed item shows again when its snooze ends.
-- Parts group by kind and label, except risk, item 9, marker falls and links, which group by
-- kind alone (one "3 markers falling", not three rows). Clients come worst first: risk, item
-- 9, deterioration, marker falls, review, overdue, expiring, goal due; then the longest waiting.
-- In two steps: each client's worst (one pass over the scope's open items, grouped by client
-- alone), then the parts of the first $limit clients only (through attention_items_open_key).
-- The review part links to the assignment of its first entry: one lookup per part, not per item.
-- A caseload's read also holds the client to the caseload, so an item a reassignment left behind
-- never shows a client to a counsellor who no longer has them.

-- name: attention-queue-practice
WITH worst AS (
	SELECT a.client_id, min(array_position(ARRAY['risk', 'item_nine', 'deterioration', 'marker_fall', 'review', 'overdue', 'expiring', 'goal_due', 'missed_checkin'], a.kind)) AS worst, min(a.due_at) AS first_due
	FROM attention_items a
	WHERE a.practice_id = $1 AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
		AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
			WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
			WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
	GROUP BY a.client_id
), placed AS (
	SELECT w.client_id, c.counsellor_id, c.code, c.first_name, c.preferred_name, c.last_name,
		row_number() OVER (ORDER BY w.worst, w.first_due, w.client_id) AS place, count(*) OVER () AS clients
	FROM worst w JOIN clients c ON c.practice_id = $1 AND c.id = w.client_id AND c.archived_at IS NULL
)
SELECT p.client_id, p.counsellor_id, p.code, p.first_name, p.preferred_name, p.last_name, x.kind, x.label, x.n, x.ref_id,
	e.assignment_id, x.due_at, p.place, p.clients
FROM placed p CROSS JOIN LATERAL (
	SELECT a.kind, CASE WHEN a.kind IN ('review', 'overdue', 'deterioration', 'goal_due') THEN a.label ELSE '' END AS label,
		count(*) AS n, min(a.ref_id) AS ref_id, min(a.due_at) AS due_at, min(array_position(ARRAY['risk', 'item_nine', 'deterioration', 'marker_fall', 'review', 'overdue', 'expiring', 'goal_due', 'missed_checkin'], a.kind)) AS rank
	FROM attention_items a
	WHERE a.practice_id = $1 AND a.client_id = p.client_id AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
		AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
			WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
			WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
	GROUP BY 1, 2
) x
LEFT JOIN LATERAL (SELECT e.assignment_id FROM homework_entries e WHERE x.kind = 'review' AND e.practice_id = $1 AND e.id = x.ref_id LIMIT 1) e ON true
WHERE p.place <= $2
ORDER BY p.place, x.rank, x.label

-- name: attention-queue
WITH worst AS (
	SELECT a.client_id, min(array_position(ARRAY['risk', 'item_nine', 'deterioration', 'marker_fall', 'review', 'overdue', 'expiring', 'goal_due', 'missed_checkin'], a.kind)) AS worst, min(a.due_at) AS first_due
	FROM attention_items a
	WHERE a.practice_id = $1 AND a.counsellor_id = ANY($2) AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
		AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
			WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
			WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
	GROUP BY a.client_id
), placed AS (
	SELECT w.client_id, c.counsellor_id, c.code, c.first_name, c.preferred_name, c.last_name,
		row_number() OVER (ORDER BY w.worst, w.first_due, w.client_id) AS place, count(*) OVER () AS clients
	FROM worst w JOIN clients c ON c.practice_id = $1 AND c.id = w.client_id AND c.archived_at IS NULL AND c.counsellor_id = ANY($2)
)
SELECT p.client_id, p.counsellor_id, p.code, p.first_name, p.preferred_name, p.last_name, x.kind, x.label, x.n, x.ref_id,
	e.assignment_id, x.due_at, p.place, p.clients
FROM placed p CROSS JOIN LATERAL (
	SELECT a.kind, CASE WHEN a.kind IN ('review', 'overdue', 'deterioration', 'goal_due') THEN a.label ELSE '' END AS label,
		count(*) AS n, min(a.ref_id) AS ref_id, min(a.due_at) AS due_at, min(array_position(ARRAY['risk', 'item_nine', 'deterioration', 'marker_fall', 'review', 'overdue', 'expiring', 'goal_due', 'missed_checkin'], a.kind)) AS rank
	FROM attention_items a
	WHERE a.practice_id = $1 AND a.client_id = p.client_id AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
		AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
			WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
			WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
	GROUP BY 1, 2
) x
LEFT JOIN LATERAL (SELECT e.assignment_id FROM homework_entries e WHERE x.kind = 'review' AND e.practice_id = $1 AND e.id = x.ref_id LIMIT 1) e ON true
WHERE p.place <= $3
ORDER BY p.place, x.rank, x.label

-- The open items that show now, counted by kind: the same rules as the queue, every client.

-- name: attention-counts-practice
SELECT a.kind, count(*) AS n
FROM attention_items a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id AND c.archived_at IS NULL
WHERE a.practice_id = $1 AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
	AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
		WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
		WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
GROUP BY a.kind

-- name: attention-counts
SELECT a.kind, count(*) AS n
FROM attention_items a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id AND c.archived_at IS NULL AND c.counsellor_id = ANY($2)
WHERE a.practice_id = $1 AND a.counsellor_id = ANY($2) AND a.resolved_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= now())
	AND CASE a.kind WHEN 'overdue' THEN a.due_at <= now() WHEN 'missed_checkin' THEN a.due_at <= now()
		WHEN 'expiring' THEN a.due_at > now() AND a.due_at <= now() + interval '3 days'
		WHEN 'goal_due' THEN a.due_at <= now() + interval '14 days' ELSE true END
GROUP BY a.kind

-- name: supervisees
SELECT counsellor_id FROM supervision WHERE practice_id = $1 AND supervisor_id = $2
-- name: snooze-attention
-- Snoozes one part of a client's queue (kind and label as the queue groups them) until $5;
-- risk and item 9 never (the table's CHECK refuses them too).
UPDATE attention_items SET snoozed_until = $5, snoozed_by = $6
WHERE practice_id = $1 AND client_id = $2 AND kind = $3 AND resolved_at IS NULL AND kind NOT IN ('risk', 'item_nine')
	AND CASE WHEN kind IN ('review', 'overdue', 'deterioration', 'goal_due') THEN label ELSE '' END = $4
