-- The open attention queue of practice $1 recounted from scratch from the records, written
-- apart from the store's attention-sync (other joins, entries counted rather than the kept
-- counts, marker falls from the ratings rather than marker_trends, first and latest results by
-- window functions) so that the two can disagree. $2, $3: the catalogue's measure keys and
-- default reliable-change indices.
SELECT c.id AS client_id, c.counsellor_id, q.kind, q.ref_id, q.due_at
FROM clients c JOIN practices p ON p.id = c.practice_id
CROSS JOIN LATERAL (
	SELECT CASE f.source WHEN 'phq9_item9' THEN 'item_nine' ELSE 'risk' END AS kind, f.id AS ref_id, f.raised_at AS due_at
	FROM risk_flags f WHERE f.practice_id = c.practice_id AND f.client_id = c.id AND f.cleared_at IS NULL
	UNION ALL
	SELECT 'review', e.id, e.submitted_at FROM homework_entries e
	WHERE e.practice_id = c.practice_id AND e.client_id = c.id AND e.submitted_at IS NOT NULL AND e.reviewed_at IS NULL
	UNION ALL
	SELECT 'overdue', a.id, (a.due_date + 1)::timestamp AT TIME ZONE p.time_zone FROM assignments a
	WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.revoked_at IS NULL
		AND (SELECT count(*) FROM homework_entries e WHERE e.practice_id = a.practice_id AND e.assignment_id = a.id
			AND e.status = 'submitted') < (CASE WHEN a.cadence = 'once' THEN 1 ELSE (a.due_date - a.start_date) + 1 END)
	UNION ALL
	SELECT 'expiring', l.id, l.expires_at FROM client_links l
	WHERE l.practice_id = c.practice_id AND l.client_id = c.id AND l.revoked_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.practice_id = l.practice_id AND a.id = l.assignment_id AND a.revoked_at IS NOT NULL)
		AND NOT EXISTS (SELECT 1 FROM checkins k WHERE k.practice_id = l.practice_id AND k.id = l.checkin_id
			AND (k.completed_at IS NOT NULL OR k.revoked_at IS NOT NULL))
	UNION ALL
	SELECT 'goal_due', g.id, g.target_date::timestamp AT TIME ZONE p.time_zone FROM goals g
	WHERE g.practice_id = c.practice_id AND g.client_id = c.id AND g.status = 'active' AND g.target_date IS NOT NULL
	UNION ALL
	SELECT 'marker_fall', r.marker_id, max(r.rated_on) FILTER (WHERE r.k = 1)::timestamp AT TIME ZONE p.time_zone
	FROM (SELECT marker_id, value, rated_on,
			row_number() OVER (PARTITION BY marker_id ORDER BY rated_on DESC, id DESC) AS k
		FROM marker_ratings WHERE practice_id = c.practice_id AND client_id = c.id) r
	WHERE r.k <= 3 GROUP BY r.marker_id
	HAVING count(*) = 3 AND max(r.value) FILTER (WHERE r.k = 3) - max(r.value) FILTER (WHERE r.k = 1) >= 2
	UNION ALL
	SELECT DISTINCT 'deterioration', d.latest_id, d.latest_on::timestamp AT TIME ZONE p.time_zone
	FROM (SELECT r.measure_key, count(*) OVER m AS n,
			first_value(r.total) OVER (m ORDER BY r.taken_on, r.id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS first_total,
			first_value(r.total) OVER (m ORDER BY r.taken_on DESC, r.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS latest_total,
			first_value(r.id) OVER (m ORDER BY r.taken_on DESC, r.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS latest_id,
			first_value(r.taken_on) OVER (m ORDER BY r.taken_on DESC, r.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS latest_on
		FROM measure_results r WHERE r.practice_id = c.practice_id AND r.client_id = c.id
		WINDOW m AS (PARTITION BY r.measure_key)) d
	JOIN unnest($2::text[], $3::float8[]) AS cat(key, rci) ON cat.key = d.measure_key
	WHERE d.n >= 2 AND d.latest_total - d.first_total >= coalesce(
		(SELECT v FROM (SELECT (p.measure_conventions -> cat.key ->> 'RCI')::float8 AS v) x WHERE v > 0), cat.rci)
	UNION ALL
	-- A planned check-in neither answered nor withdrawn, with no later planned one answered:
	-- a gap from the start of the fourth day after it fell due (measures.PlanGraceDays is 3).
	SELECT 'missed_checkin', k.id, (k.planned_on + 4)::timestamp AT TIME ZONE p.time_zone FROM checkins k
	WHERE k.practice_id = c.practice_id AND k.client_id = c.id AND k.planned_on IS NOT NULL
		AND k.completed_at IS NULL AND k.revoked_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM checkins d WHERE d.practice_id = k.practice_id AND d.client_id = k.client_id
			AND d.planned_on > k.planned_on AND d.completed_at IS NOT NULL)
) q
WHERE c.practice_id = $1
