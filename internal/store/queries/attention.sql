-- The attention queue (issue 16; table in migration 0019). Every writer of a client's records
-- ends its transaction with attention-lock then attention-sync for that client, so the queue is
-- written and resolved in the change's transaction. Migration 0020 fills it by the same rules.

-- name: attention-lock
-- Writers of one client's queue queue here, each as the last thing it does. The client's row is
-- share-locked first (the key share the item's foreign key needs anyway), so a transaction that
-- holds the client row for update never waits on this lock held by one that waits on the row.
-- After the lock, the sync's new snapshot (READ COMMITTED) sees every earlier writer's change.
SELECT pg_advisory_xact_lock(hashtextextended('attention:' || c.practice_id || ':' || c.id, 0))
	FROM (SELECT practice_id, id FROM clients WHERE practice_id = $1 AND id = $2 FOR KEY SHARE OFFSET 0) c

-- name: attention-sync
-- The client's open items made to match its records: each cause that needs the counsellor has
-- one open item (opened if new; label, due date and counsellor kept current), and every open
-- item whose cause has gone is resolved. $3, $4, $5: the catalogue's measure keys, names and
-- default reliable-change indices ($6: measures.PlanGraceDays); a practice's convention with an RCI above 0 replaces the
-- default, as measures.ThresholdsFor does. Dates become the start of that day in the
-- practice's time zone; an assignment is overdue from the end of its due date there.
WITH c AS (
	SELECT c.counsellor_id, p.time_zone AS tz, p.measure_conventions AS conv
	FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1 AND c.id = $2),
want AS (
	SELECT CASE WHEN f.source = 'phq9_item9' THEN 'item_nine' ELSE 'risk' END AS kind, f.id AS ref_id,
		CASE WHEN f.source = 'phq9_item9' THEN 'PHQ-9' ELSE 'Risk flag' END AS label, f.raised_at AS due_at
	FROM risk_flags f WHERE f.practice_id = $1 AND f.client_id = $2 AND f.cleared_at IS NULL
	UNION ALL
	SELECT 'review', e.id, a.title, e.submitted_at
	FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	WHERE e.practice_id = $1 AND e.client_id = $2 AND e.status = 'submitted' AND e.reviewed_at IS NULL
	UNION ALL
	SELECT 'overdue', a.id, a.title, (a.due_date + 1)::timestamp AT TIME ZONE c.tz
	FROM assignments a, c WHERE a.practice_id = $1 AND a.client_id = $2 AND a.revoked_at IS NULL
		AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END
	UNION ALL
	SELECT 'expiring', l.id, coalesce(a.title, CASE WHEN l.checkin_id IS NULL THEN 'Client link' ELSE 'Check-in' END), l.expires_at
	FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
		LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
	WHERE l.practice_id = $1 AND l.client_id = $2 AND l.revoked_at IS NULL AND a.revoked_at IS NULL
		AND k.completed_at IS NULL AND k.revoked_at IS NULL
	UNION ALL
	SELECT 'goal_due', g.id, 'Goal', g.target_date::timestamp AT TIME ZONE c.tz
	FROM goals g, c WHERE g.practice_id = $1 AND g.client_id = $2 AND g.status = 'active' AND g.target_date IS NOT NULL
	UNION ALL
	SELECT 'marker_fall', t.marker_id, m.label, t.newest_on::timestamp AT TIME ZONE c.tz
	FROM marker_trends t JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id, c
	WHERE t.practice_id = $1 AND t.client_id = $2 AND t.ratings = 3 AND t.oldest - t.newest >= 2
	UNION ALL
	SELECT 'deterioration', x.latest_id, m.name, x.latest_on::timestamp AT TIME ZONE c.tz
	FROM c, unnest($3::text[], $4::text[], $5::float8[]) AS m(key, name, rci)
	CROSS JOIN LATERAL (SELECT (array_agg(r.total ORDER BY r.taken_on, r.id))[1] AS first_total,
			(array_agg(r.total ORDER BY r.taken_on DESC, r.id DESC))[1] AS latest_total,
			(array_agg(r.id ORDER BY r.taken_on DESC, r.id DESC))[1] AS latest_id,
			max(r.taken_on) AS latest_on, count(*) AS n
		FROM measure_results r WHERE r.practice_id = $1 AND r.client_id = $2 AND r.measure_key = m.key) x
	WHERE x.n >= 2 AND x.latest_total - x.first_total >= CASE WHEN (c.conv -> m.key ->> 'RCI')::float8 > 0
		THEN (c.conv -> m.key ->> 'RCI')::float8 ELSE m.rci END
	UNION ALL
	-- A gap in the plan: its check-ins unanswered since the last one answered, each from the end
	-- of its grace period ($6 days after it fell due).
	SELECT 'missed_checkin', k.id, 'Check-in', (k.planned_on + $6::int + 1)::timestamp AT TIME ZONE c.tz
	FROM checkins k, c WHERE k.practice_id = $1 AND k.client_id = $2 AND k.planned_on IS NOT NULL
		AND k.completed_at IS NULL AND k.revoked_at IS NULL
		AND k.planned_on > coalesce((SELECT max(d.planned_on) FROM checkins d WHERE d.practice_id = $1
			AND d.client_id = $2 AND d.planned_on IS NOT NULL AND d.completed_at IS NOT NULL), '-infinity'::date)),
gone AS (
	UPDATE attention_items i SET resolved_at = now()
	WHERE i.practice_id = $1 AND i.client_id = $2 AND i.resolved_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM want w WHERE w.kind = i.kind AND w.ref_id = i.ref_id))
INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
SELECT $1, c.counsellor_id, $2, w.kind, w.ref_id, left(w.label, 200), w.due_at FROM want w, c
ON CONFLICT (practice_id, client_id, kind, ref_id) WHERE resolved_at IS NULL DO UPDATE
	SET label = EXCLUDED.label, due_at = EXCLUDED.due_at, counsellor_id = EXCLUDED.counsellor_id
	WHERE (attention_items.label, attention_items.due_at, attention_items.counsellor_id)
		IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.due_at, EXCLUDED.counsellor_id)

-- name: attention-clients-with-results
-- The clients whose deterioration items a change of the practice's conventions may change, in
-- one order (two such changes lock their clients' queues in the same order).
SELECT DISTINCT client_id FROM measure_results WHERE practice_id = $1 ORDER BY client_id
