-- The outcomes page: the episodes of care in a period. $1 practice, $2 the whole practice,
-- $3 else these counsellors' clients, $4 one counsellor (0: any), $5 and $6 the period's first
-- and last day in the practice's calendar. An episode is a client discharged in the period, or a
-- client still in care with two or more scores on one questionnaire, the last score in the period.
-- Scores come whole-course, oldest first (taken_on, id), as the progress page orders them.

-- name: outcome-episodes
SELECT c.id AS client_id, c.code, c.status = 'discharged' AS ended,
	(SELECT count(*) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
		AND a.status = 'attended') AS attended,
	coalesce(r.scores, '{}') AS scores
FROM clients c JOIN practices p ON p.id = c.practice_id
LEFT JOIN LATERAL (SELECT jsonb_object_agg(x.measure_key, x.totals) AS scores, max(x.last_on) AS last_on, max(x.n) AS most
	FROM (SELECT measure_key, jsonb_agg(total ORDER BY taken_on, id) AS totals, max(taken_on) AS last_on, count(*) AS n
		FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id GROUP BY measure_key) x) r ON true
WHERE c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND CASE WHEN c.status = 'discharged'
		THEN (c.discharged_at AT TIME ZONE p.time_zone)::date BETWEEN $5::date AND $6::date
		ELSE coalesce(r.most, 0) >= 2 AND r.last_on BETWEEN $5::date AND $6::date END
ORDER BY c.code
