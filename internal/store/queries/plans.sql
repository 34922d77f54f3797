-- Measurement plans (issue 18; migration 0032): the rule is kept here, its dates are worked
-- out by measures.Plan, and the check-ins that fell due are made by insert-planned-checkins.

-- name: plan
SELECT client_id, starts_on, schedule, pauses, ended_on, set_by, updated_at
	FROM measurement_plans WHERE practice_id = $1 AND client_id = $2

-- name: save-plan
-- A new or changed plan starts afresh: no pauses, not ended.
INSERT INTO measurement_plans (practice_id, client_id, starts_on, schedule, set_by)
	VALUES ($1, $2, $3, $4, $5)
	ON CONFLICT (practice_id, client_id) DO UPDATE
	SET starts_on = EXCLUDED.starts_on, schedule = EXCLUDED.schedule, set_by = EXCLUDED.set_by,
		pauses = '[]', ended_on = NULL, updated_at = now()

-- name: delete-plan
DELETE FROM measurement_plans WHERE practice_id = $1 AND client_id = $2

-- name: set-plan-pauses
UPDATE measurement_plans SET pauses = $3, ended_on = $4, updated_at = now()
	WHERE practice_id = $1 AND client_id = $2

-- name: revoke-planned-checkins
-- The plan's check-ins not answered and not yet lapsed on day $3 ($4: grace days), when the
-- plan is removed or replaced.
UPDATE checkins SET revoked_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND planned_on IS NOT NULL
		AND completed_at IS NULL AND revoked_at IS NULL AND planned_on + $4::int >= $3::date

-- name: plan-context
-- What working out the client's plan needs: whether the client's record is open, and the
-- local dates (in the practice's time zone) of the client's booked or held appointments from $3 on.
SELECT c.status <> 'discharged' AND c.archived_at IS NULL AS open,
	coalesce((SELECT array_agg(((a.starts_at AT TIME ZONE p.time_zone)::date)::text ORDER BY a.starts_at) FROM appointments a
		WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.status IN ('scheduled', 'attended')
			AND a.starts_at >= $3), '{}') AS appointments
	FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1 AND c.id = $2

-- name: insert-planned-checkins
-- One check-in per occurrence ($4 dates, $5 markers or not, $6 the measures comma-joined),
-- made by the plan's author; an occurrence already made is left alone.
INSERT INTO checkins (practice_id, client_id, with_markers, measures, due_date, request_key, created_by, planned_on)
SELECT $1, $2, o.markers, CASE WHEN o.measures = '' THEN '{}' ELSE string_to_array(o.measures, ',') END,
		o.day, 'plan-' || $2::bigint || '-' || o.day, $3, o.day
	FROM unnest($4::date[], $5::boolean[], $6::text[]) AS o(day, markers, measures)
	ON CONFLICT (practice_id, client_id, planned_on) WHERE planned_on IS NOT NULL DO NOTHING

-- name: due-checkins
-- The client's check-ins their page lists on day $3: asked for by hand and still waiting, or
-- made by the plan, fallen due and not lapsed ($4 grace days). Newest first.
SELECT id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at, planned_on FROM checkins
	WHERE practice_id = $1 AND client_id = $2 AND completed_at IS NULL AND revoked_at IS NULL
		AND (planned_on IS NULL OR (planned_on <= $3::date AND planned_on + $4::int >= $3::date))
	ORDER BY created_at DESC, id DESC

-- name: planned-checkins
-- The plan's check-ins made since $3, newest first: the progress page shows the gaps.
SELECT id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at, planned_on FROM checkins
	WHERE practice_id = $1 AND client_id = $2 AND planned_on >= $3::date
	ORDER BY planned_on DESC

-- name: practice-plan-clients
-- The practice's open clients with a plan, in one order.
SELECT m.client_id FROM measurement_plans m JOIN clients c ON c.practice_id = m.practice_id AND c.id = m.client_id
	WHERE m.practice_id = $1 AND c.status <> 'discharged' AND c.archived_at IS NULL ORDER BY m.client_id

-- name: practice-due-forms
-- Every form the practice's open clients' pages list on day $2 ($3 grace days): waiting
-- check-ins (by hand, or fallen due by the plan and not lapsed) and homework started with a
-- day still to send, as due-checkins and due-assignments choose them.
SELECT k.client_id, 'checkin' AS kind, k.id AS ref_id, k.due_date AS due_on FROM checkins k
	JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
	WHERE k.practice_id = $1 AND c.status <> 'discharged' AND c.archived_at IS NULL
		AND k.completed_at IS NULL AND k.revoked_at IS NULL
		AND (k.planned_on IS NULL OR (k.planned_on <= $2::date AND k.planned_on + $3::int >= $2::date))
UNION ALL
SELECT a.client_id, 'homework', a.id, a.due_date FROM assignments a
	JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
	CROSS JOIN LATERAL (SELECT CASE WHEN a.cadence = 'once' THEN a.start_date
		ELSE LEAST(a.due_date, $2::date) END AS last_day) d
	WHERE a.practice_id = $1 AND c.status <> 'discharged' AND c.archived_at IS NULL AND a.revoked_at IS NULL
		AND a.start_date <= $2::date AND d.last_day - a.start_date + 1 > (SELECT count(*) FROM homework_entries e
			WHERE e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
				AND e.entry_date BETWEEN a.start_date AND d.last_day)
ORDER BY 1, 2, 4, 3

-- name: plan-settings
SELECT time_zone, default_plan, overuse_threshold FROM practices WHERE id = $1

-- name: save-plan-settings
UPDATE practices SET default_plan = $2, overuse_threshold = $3 WHERE id = $1

-- name: overuse-days
-- The days since $3 on which the client sent more homework entries than the practice's
-- threshold beyond those assigned for the day (one for each of their assignments open that
-- day), by the practice's local date, latest first.
WITH p AS (SELECT time_zone AS tz, overuse_threshold AS threshold FROM practices WHERE id = $1),
sent AS (SELECT (e.submitted_at AT TIME ZONE p.tz)::date AS day, count(*) AS n
	FROM homework_entries e, p WHERE e.practice_id = $1 AND e.client_id = $2 AND e.status = 'submitted'
		AND e.submitted_at >= $3
	GROUP BY 1)
SELECT s.day, s.n AS sent, x.assigned, p.threshold FROM sent s CROSS JOIN p
	CROSS JOIN LATERAL (SELECT count(*) AS assigned FROM assignments a WHERE a.practice_id = $1 AND a.client_id = $2
		AND a.revoked_at IS NULL AND s.day BETWEEN a.start_date AND a.due_date) x
	WHERE s.n - x.assigned > p.threshold
	ORDER BY s.day DESC
