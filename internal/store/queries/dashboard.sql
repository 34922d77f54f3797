-- The dashboard's lists, each in two forms: for a practice (-practice: $1 the practice, then
-- the list's own parameters) and for some counsellors' caseloads ($1 the practice, $2 the
-- counsellors, then the list's own). Two statements, so each has a plan of its own: one plan
-- for both would be a poor fit for one of them. Each list is its first twenty items in order,
-- with how many there are in all counted apart, where the joins that only name things are
-- left out.

-- name: generic-plans
-- For the snapshot the dashboard is read on: one plan per statement and connection.
SET LOCAL plan_cache_mode = force_generic_plan

-- name: dash-status-counts-practice
SELECT c.status, count(*) AS n FROM clients c WHERE c.practice_id = $1 AND c.archived_at IS NULL GROUP BY c.status

-- name: dash-status-counts
SELECT c.status, count(*) AS n FROM clients c WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) GROUP BY c.status

-- name: dash-risk-flags-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target,
	(SELECT count(*) FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND f.cleared_at IS NULL AND f.source <> 'phq9_item9') AS total
FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND f.cleared_at IS NULL AND f.source <> 'phq9_item9'
ORDER BY f.raised_at LIMIT 20

-- name: dash-risk-flags
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target,
	(SELECT count(*) FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND f.cleared_at IS NULL AND f.source <> 'phq9_item9') AS total
FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND f.cleared_at IS NULL AND f.source <> 'phq9_item9'
ORDER BY f.raised_at LIMIT 20

-- name: dash-item-nine-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target,
	(SELECT count(*) FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND f.cleared_at IS NULL AND f.source = 'phq9_item9') AS total
FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND f.cleared_at IS NULL AND f.source = 'phq9_item9'
ORDER BY f.raised_at LIMIT 20

-- name: dash-item-nine
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	f.summary AS what, f.raised_at AS at, '/clients/' || c.id || '#risk' AS target,
	(SELECT count(*) FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND f.cleared_at IS NULL AND f.source = 'phq9_item9') AS total
FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND f.cleared_at IS NULL AND f.source = 'phq9_item9'
ORDER BY f.raised_at LIMIT 20

-- name: dash-awaiting-review-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target,
	(SELECT count(*) FROM homework_entries e JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND e.status = 'submitted' AND e.reviewed_at IS NULL) AS total
FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND e.status = 'submitted' AND e.reviewed_at IS NULL
ORDER BY e.submitted_at LIMIT 20

-- name: dash-awaiting-review
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target,
	(SELECT count(*) FROM homework_entries e JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND e.status = 'submitted' AND e.reviewed_at IS NULL) AS total
FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND e.status = 'submitted' AND e.reviewed_at IS NULL
ORDER BY e.submitted_at LIMIT 20

-- name: dash-overdue-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	a.title AS what, a.due_date::timestamptz AS at, '/clients/' || c.id || '/homework/' || a.id AS target,
	(SELECT count(*) FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND a.revoked_at IS NULL AND a.due_date < $2
		AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END) AS total
FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND a.revoked_at IS NULL AND a.due_date < $2
	AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END
ORDER BY a.due_date LIMIT 20

-- name: dash-overdue
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	a.title AS what, a.due_date::timestamptz AS at, '/clients/' || c.id || '/homework/' || a.id AS target,
	(SELECT count(*) FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND a.revoked_at IS NULL AND a.due_date < $3
		AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END) AS total
FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND a.revoked_at IS NULL AND a.due_date < $3
	AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END
ORDER BY a.due_date LIMIT 20

-- name: dash-expiring-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	coalesce(a.title, CASE WHEN k.id IS NULL THEN 'Client link' ELSE 'Check-in' END) AS what, l.expires_at AS at,
	'/clients/' || c.id || coalesce('/homework/' || a.id, CASE WHEN k.id IS NULL THEN '' ELSE '/progress' END) AS target,
	(SELECT count(*) FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
		LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
		JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
		AND k.completed_at IS NULL) AS total
FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
	LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
	JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
	AND k.completed_at IS NULL
ORDER BY l.expires_at LIMIT 20

-- name: dash-expiring
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	coalesce(a.title, CASE WHEN k.id IS NULL THEN 'Client link' ELSE 'Check-in' END) AS what, l.expires_at AS at,
	'/clients/' || c.id || coalesce('/homework/' || a.id, CASE WHEN k.id IS NULL THEN '' ELSE '/progress' END) AS target,
	(SELECT count(*) FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
		LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
		JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
		AND k.completed_at IS NULL) AS total
FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
	LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
	JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND l.revoked_at IS NULL AND l.expires_at > now() AND l.expires_at < now() + interval '3 days'
	AND k.completed_at IS NULL
ORDER BY l.expires_at LIMIT 20

-- name: dash-goals-due-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	g.statement AS what, g.target_date::timestamptz AS at, '/clients/' || c.id || '/goals/' || g.id AS target,
	(SELECT count(*) FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND g.status = 'active' AND g.target_date <= $2::date + 14) AS total
FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND g.status = 'active' AND g.target_date <= $2::date + 14
ORDER BY g.target_date LIMIT 20

-- name: dash-goals-due
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	g.statement AS what, g.target_date::timestamptz AS at, '/clients/' || c.id || '/goals/' || g.id AS target,
	(SELECT count(*) FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
		WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND g.status = 'active' AND g.target_date <= $3::date + 14) AS total
FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND g.status = 'active' AND g.target_date <= $3::date + 14
ORDER BY g.target_date LIMIT 20

-- name: dash-marker-falls-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	m.label || ': ' || t.oldest || ' to ' || t.newest AS what, t.newest_on::timestamptz AS at,
	'/clients/' || c.id || '/progress' AS target,
	(SELECT count(*) FROM clients c CROSS JOIN LATERAL (SELECT 1 FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
			AND t.ratings = 3 AND t.oldest - t.newest >= 2) t WHERE c.practice_id = $1 AND c.archived_at IS NULL) AS total
FROM clients c CROSS JOIN LATERAL (SELECT * FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
		AND t.ratings = 3 AND t.oldest - t.newest >= 2) t
	JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id WHERE c.practice_id = $1 AND c.archived_at IS NULL
ORDER BY t.newest_on DESC LIMIT 20

-- name: dash-marker-falls
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	m.label || ': ' || t.oldest || ' to ' || t.newest AS what, t.newest_on::timestamptz AS at,
	'/clients/' || c.id || '/progress' AS target,
	(SELECT count(*) FROM clients c CROSS JOIN LATERAL (SELECT 1 FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
			AND t.ratings = 3 AND t.oldest - t.newest >= 2) t WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2)) AS total
FROM clients c CROSS JOIN LATERAL (SELECT * FROM marker_trends t WHERE t.practice_id = c.practice_id AND t.client_id = c.id
		AND t.ratings = 3 AND t.oldest - t.newest >= 2) t
	JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2)
ORDER BY t.newest_on DESC LIMIT 20

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

-- name: dash-recent-practice
SELECT * FROM (
	(SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, 'Sent ' || a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target
	FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND e.practice_id = $1 AND e.status = 'submitted' ORDER BY e.submitted_at DESC LIMIT 20)
	UNION ALL
	(SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, 'Completed a check-in' AS what, k.completed_at AS at, '/clients/' || c.id || '/progress' AS target
	FROM checkins k JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND k.practice_id = $1 AND k.completed_at IS NOT NULL ORDER BY k.completed_at DESC LIMIT 20)
) recent ORDER BY at DESC LIMIT 20

-- name: dash-recent
SELECT * FROM (
	(SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, 'Sent ' || a.title AS what, e.submitted_at AS at, '/clients/' || c.id || '/homework/' || a.id AS target
	FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND e.practice_id = $1 AND e.status = 'submitted' ORDER BY e.submitted_at DESC LIMIT 20)
	UNION ALL
	(SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, 'Completed a check-in' AS what, k.completed_at AS at, '/clients/' || c.id || '/progress' AS target
	FROM checkins k JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
	WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND k.practice_id = $1 AND k.completed_at IS NOT NULL ORDER BY k.completed_at DESC LIMIT 20)
) recent ORDER BY at DESC LIMIT 20

-- name: dash-active-goals-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, g.id, g.client_id, g.statement, g.what, g.where_, g.with_whom, g.metric, g.unit, g.metric_code, g.unit_code, g.direction, g.baseline_value, g.baseline_date, g.target_value, g.measure_how, g.measure_often, g.steps, g.supports, g.concerns, g.target_date, g.status, g.replaced_by, g.version, g.created_at, g.updated_at
FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
WHERE c.practice_id = $1 AND c.archived_at IS NULL AND g.status = 'active'

-- name: dash-active-goals
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name, g.id, g.client_id, g.statement, g.what, g.where_, g.with_whom, g.metric, g.unit, g.metric_code, g.unit_code, g.direction, g.baseline_value, g.baseline_date, g.target_value, g.measure_how, g.measure_often, g.steps, g.supports, g.concerns, g.target_date, g.status, g.replaced_by, g.version, g.created_at, g.updated_at
FROM goals g JOIN clients c ON c.practice_id = g.practice_id AND c.id = g.client_id
WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND g.status = 'active'

-- name: dash-results-practice
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	x.measure_key, x.first_total, x.latest_total, x.latest_on
FROM clients c CROSS JOIN LATERAL (SELECT measure_key,
		(array_agg(total ORDER BY taken_on, id))[1] AS first_total,
		(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest_total,
		max(taken_on) AS latest_on, count(*) AS n
	FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id GROUP BY measure_key) x
WHERE c.practice_id = $1 AND c.archived_at IS NULL AND x.n >= 2

-- name: dash-results
SELECT c.id AS client_id, c.code, c.first_name, c.preferred_name, c.last_name,
	x.measure_key, x.first_total, x.latest_total, x.latest_on
FROM clients c CROSS JOIN LATERAL (SELECT measure_key,
		(array_agg(total ORDER BY taken_on, id))[1] AS first_total,
		(array_agg(total ORDER BY taken_on DESC, id DESC))[1] AS latest_total,
		max(taken_on) AS latest_on, count(*) AS n
	FROM measure_results WHERE practice_id = c.practice_id AND client_id = c.id GROUP BY measure_key) x
WHERE c.practice_id = $1 AND c.archived_at IS NULL AND c.counsellor_id = ANY($2) AND x.n >= 2

-- name: supervisees
SELECT counsellor_id FROM supervision WHERE practice_id = $1 AND supervisor_id = $2
