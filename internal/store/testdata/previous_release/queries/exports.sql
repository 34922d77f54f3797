-- The export filter: $1 practice, $2 the whole practice, $3 else these counsellors' clients,
-- $4 one counsellor (0: any), $5 status ('': any), $6 from and $7 to (calendar dates, NULL:
-- open), $8 only these clients in this order (NULL: all, by working code). A client's first day
-- is the first appointment that was not cancelled, else the day the client was added.

-- name: export-clients
SELECT c.id, c.counsellor_id FROM clients c
		WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND ($6::date IS NULL OR true) AND ($7::date IS NULL OR true) ORDER BY c.id

-- name: jit-off
-- An export's transaction: no JIT, and room for its sort in memory (work_mem for this
-- transaction only).
SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)

-- name: practice-counsellors
SELECT id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at FROM users WHERE practice_id = $1 AND role = 'counsellor'

-- name: export-caseload
SELECT c.id AS client_id, c.code, c.counsellor_id,
	CASE WHEN $9 THEN c.first_name ELSE '' END AS first_name, CASE WHEN $9 THEN c.last_name ELSE '' END AS last_name, c.status, c.format, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date) AS first_day,
	ap.attended, ap.cancelled, ap.no_show, ap.first_appt, ap.last_appt,
	g.goals_draft, g.goals_active, g.goals_achieved, g.goals_revised, g.goals_discontinued,
	hw.entries_made, hw.entries_expected,
	coalesce(ms.measures, '{}') AS measures, coalesce(mk.markers, '{}') AS markers,
	(SELECT v.data->>'overall_risk' FROM intake_versions v WHERE v.practice_id = c.practice_id AND v.client_id = c.id
		ORDER BY v.version DESC LIMIT 1) AS risk_level,
	EXISTS (SELECT 1 FROM risk_flags r WHERE r.practice_id = c.practice_id AND r.client_id = c.id AND r.cleared_at IS NULL) AS flag_open
FROM clients c
CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'attended') AS attended,
		count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
		count(*) FILTER (WHERE a.status = 'no_show') AS no_show,
		min(a.starts_at) FILTER (WHERE a.status <> 'cancelled')::date AS first_appt,
		max(a.starts_at) FILTER (WHERE a.status = 'attended')::date AS last_appt
	FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND  ($6::date IS NULL OR a.starts_at::date >= $6::date) AND ($7::date IS NULL OR a.starts_at::date <= $7::date) ) ap
CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'draft') AS goals_draft,
		count(*) FILTER (WHERE status = 'active') AS goals_active,
		count(*) FILTER (WHERE status = 'achieved') AS goals_achieved,
		count(*) FILTER (WHERE status = 'revised') AS goals_revised,
		count(*) FILTER (WHERE status = 'discontinued') AS goals_discontinued
	FROM goals WHERE practice_id = c.practice_id AND client_id = c.id) g
CROSS JOIN LATERAL (SELECT coalesce(sum(a.submitted_entries), 0) AS entries_made,
		coalesce(sum(CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END), 0) AS entries_expected
	FROM assignments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND  ($6::date IS NULL OR a.due_date >= $6::date) AND ($7::date IS NULL OR a.due_date <= $7::date) ) hw
LEFT JOIN LATERAL (SELECT jsonb_object_agg(x.measure_key, jsonb_build_array(x.first, x.latest)) AS measures
	FROM (SELECT measure_key, (array_agg(total ORDER BY taken_on, id))[1] AS first,
			(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest
		FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id AND  ($6::date IS NULL OR taken_on >= $6::date) AND ($7::date IS NULL OR taken_on <= $7::date)
		GROUP BY measure_key) x) ms ON true
LEFT JOIN LATERAL (SELECT jsonb_object_agg(x.marker_id::text, jsonb_build_array(x.first, x.latest)) AS markers
	FROM (SELECT marker_id, (array_agg(value ORDER BY rated_on, id))[1] AS first,
			(array_agg(value ORDER BY rated_on DESC, id DESC))[1] AS latest
		FROM marker_ratings WHERE practice_id = c.practice_id AND client_id = c.id AND  ($6::date IS NULL OR rated_on >= $6::date) AND ($7::date IS NULL OR rated_on <= $7::date)
		GROUP BY marker_id) x) mk ON true
WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  ORDER BY  array_position($8::bigint[], c.id), c.code
LIMIT $10

-- name: export-goals
SELECT c.id AS client_id, c.code, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date) AS first_day, g.id AS goal_id,
	row_number() OVER (PARTITION BY g.client_id ORDER BY g.id) AS goal_number, g.metric_code, g.unit_code,
	g.statement, g.metric, g.unit, g.direction,
	g.baseline_value, g.baseline_date, g.target_value, g.target_date, g.status, r.value AS latest_value, r.reading_date AS latest_date
FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
LEFT JOIN LATERAL (SELECT value, reading_date FROM goal_readings WHERE practice_id = g.practice_id AND goal_id = g.id
	ORDER BY reading_date DESC, id DESC LIMIT 1) r ON true
WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND ($6::date IS NULL OR g.target_date IS NULL OR g.target_date >= $6::date)
	AND ($7::date IS NULL OR g.created_at::date <= $7::date)
ORDER BY  array_position($8::bigint[], c.id), c.code , g.id
LIMIT $9

-- name: export-homework
-- The first day is worked out once per client (cl), not once per row; the window numbers each
-- client's assignments over the rows in their output order (a code names one client of the
-- practice), so one sort of the entries serves both, and the answers of each entry come out
-- in order (an incremental sort of each entry's few fields, never of the million rows).
WITH cl AS MATERIALIZED (SELECT c.id, c.code, array_position($8::bigint[], c.id) AS pos,
		coalesce(fd.first_day, c.created_at::date) AS first_day
	FROM clients c LEFT JOIN LATERAL (SELECT min(a.starts_at)::date AS first_day FROM appointments a
		WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.status <> 'cancelled') fd ON true
	WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[])) )
SELECT x.client_id, x.code, x.first_day, x.assignment_id, x.assignment_number, kv.n AS field_number, x.template, x.entry_date,
	kv.key AS field_key,
	CASE WHEN jsonb_typeof(kv.value) = 'number' THEN (kv.value)::text::float8 END AS number,
	CASE WHEN jsonb_typeof(kv.value) <> 'number' THEN kv.value #>> '{}' END AS text,
	x.made, x.expected
FROM (SELECT cl.id AS client_id, cl.code, cl.pos, cl.first_day, a.id AS assignment_id,
		dense_rank() OVER (PARTITION BY cl.pos, cl.code ORDER BY a.id) AS assignment_number,
		CASE WHEN $9 THEN a.title WHEN a.template_ref LIKE 'builtin:%' THEN a.template_ref ELSE 'practice_template' END AS template,
		e.entry_date, e.answers,
		a.submitted_entries AS made, CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END AS expected
	FROM cl JOIN assignments a ON a.practice_id = $1 AND a.client_id = cl.id
	JOIN homework_entries e ON e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
	WHERE ($6::date IS NULL OR e.entry_date >= $6::date) AND ($7::date IS NULL OR e.entry_date <= $7::date)
	ORDER BY cl.pos, cl.code, a.id, e.entry_date) x
CROSS JOIN LATERAL jsonb_each(x.answers) WITH ORDINALITY kv(key, value, n)
WHERE ($9 OR jsonb_typeof(kv.value) = 'number')
ORDER BY x.pos, x.code, x.assignment_id, x.entry_date, kv.n
LIMIT $10

-- name: export-scores
SELECT client_id, code, first_day, day, instrument, item, score FROM (
	SELECT c.id AS client_id, array_position($8::bigint[], c.id) AS pos, c.code, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date) AS first_day, r.taken_on AS day, r.measure_key AS instrument, 'total' AS item, r.total AS score, r.id AS ord, 0 AS sub
	FROM measure_results r JOIN clients c ON c.practice_id = r.practice_id AND c.id = r.client_id
	WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND  ($6::date IS NULL OR r.taken_on >= $6::date) AND ($7::date IS NULL OR r.taken_on <= $7::date)
	UNION ALL
	SELECT c.id, array_position($8::bigint[], c.id), c.code, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date), r.taken_on, r.measure_key, kv.key, round((kv.value)::text::numeric)::int, r.id, 1
	FROM measure_results r JOIN clients c ON c.practice_id = r.practice_id AND c.id = r.client_id
	CROSS JOIN LATERAL jsonb_each(r.answers) kv
	WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND  ($6::date IS NULL OR r.taken_on >= $6::date) AND ($7::date IS NULL OR r.taken_on <= $7::date)  AND jsonb_typeof(kv.value) = 'number'
	UNION ALL
	SELECT c.id, array_position($8::bigint[], c.id), c.code, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date), m.rated_on, 'marker',
		'marker_' || (SELECT count(*) FROM markers k WHERE k.practice_id = m.practice_id AND (k.sort_order, k.id) <= (mk.sort_order, mk.id)),
		m.value, m.id, 2
	FROM marker_ratings m JOIN markers mk ON mk.practice_id = m.practice_id AND mk.id = m.marker_id JOIN clients c ON c.practice_id = m.practice_id AND c.id = m.client_id
	WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND  ($6::date IS NULL OR m.rated_on >= $6::date) AND ($7::date IS NULL OR m.rated_on <= $7::date) ) x
ORDER BY pos, code, day, instrument, sub, item, ord
LIMIT $9
