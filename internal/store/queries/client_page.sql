-- The client page's reads in one statement: each part is a JSON array of the rows its own
-- query gives (risk-flags, latest-intake, goals, goal-readings, summarise-appointments,
-- appointments, assignments, client-link-state, practice, and for the at-a-glance panels
-- conventions, markers (active only), client-marker-ratings and client-measure-results), in
-- the same order, decoded into the same types (jsonRowTypes.decode). $1 practice, $2 client, $3 now.

-- name: client-page
SELECT
	(SELECT row_to_json(t) FROM (SELECT id, name, time_zone, created_at FROM practices WHERE id = $1) t) AS practice,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT f.id, f.client_id, f.source, f.summary, f.raised_at, r.display_name AS raised_by_name,
			f.cleared_at, c.display_name AS cleared_by_name, f.review_note
		FROM risk_flags f
		LEFT JOIN users r ON r.practice_id = f.practice_id AND r.id = f.raised_by
		LEFT JOIN users c ON c.practice_id = f.practice_id AND c.id = f.cleared_by
		WHERE f.practice_id = $1 AND f.client_id = $2
		ORDER BY f.cleared_at IS NOT NULL, f.raised_at DESC) t) AS flags,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT v.version, v.section, v.data, v.saved_by, u.display_name AS saved_by_name, v.saved_at
		FROM intake_versions v JOIN users u ON u.practice_id = v.practice_id AND u.id = v.saved_by
		WHERE v.practice_id = $1 AND v.client_id = $2 ORDER BY v.version DESC LIMIT 1) t) AS intake,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, client_id, statement, what, where_, with_whom, metric, unit, metric_code, unit_code,
			direction, baseline_value, baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date,
			status, replaced_by, version, created_at, updated_at FROM goals WHERE practice_id = $1 AND client_id = $2
		ORDER BY array_position(ARRAY['active','draft','achieved','revised','discontinued'], status), created_at DESC) t) AS goals,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT r.id, r.goal_id, r.reading_date, r.value, r.note, r.source FROM goal_readings r
		JOIN goals g ON g.practice_id = r.practice_id AND g.id = r.goal_id
		WHERE r.practice_id = $1 AND g.client_id = $2 ORDER BY r.goal_id, r.reading_date, r.id) t) AS readings,
	(SELECT row_to_json(t) FROM (SELECT
			count(*) FILTER (WHERE status = 'attended') AS attended,
			max(starts_at) FILTER (WHERE status = 'attended') AS last_attended,
			min(starts_at) FILTER (WHERE status = 'scheduled' AND starts_at >= $3) AS next_scheduled
		FROM appointments WHERE practice_id = $1 AND client_id = $2) t) AS appointment_summary,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, client_id, starts_at, duration_minutes, status, format, note FROM appointments
		WHERE practice_id = $1 AND client_id = $2 ORDER BY starts_at DESC, id DESC LIMIT 10) t) AS appointments,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT a.id, a.client_id, a.template_ref, a.title, NULL::jsonb AS template, a.instructions,
			a.start_date, a.due_date, a.cadence, a.goal_id, a.goal_field, a.revoked_at, a.created_at,
			a.submitted_entries AS submitted, a.reviewed_entries AS reviewed, a.draft_entries AS drafts,
			(SELECT max(l.expires_at) FROM client_links l WHERE l.practice_id = a.practice_id AND l.client_id = a.client_id
				AND l.revoked_at IS NULL AND l.checkin_id IS NULL AND (l.assignment_id IS NULL OR l.assignment_id = a.id)) AS link_expires_at
		FROM assignments a WHERE a.practice_id = $1 AND a.client_id = $2
		ORDER BY a.due_date DESC, a.id DESC) t) AS assignments,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, practice_id, client_id, assignment_id, checkin_id, expires_at, revoked_at,
			pin_set_at, pin_locked_at FROM client_links
		WHERE practice_id = $1 AND client_id = $2 AND revoked_at IS NULL AND expires_at > now() ORDER BY id) t) AS links,
	(SELECT measure_conventions FROM practices WHERE id = $1) AS conventions,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, label, client_label, sort_order, active FROM markers
		WHERE practice_id = $1 AND active ORDER BY sort_order, id) t) AS markers,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT marker_id, rated_on, value, source FROM marker_ratings
		WHERE practice_id = $1 AND client_id = $2 ORDER BY rated_on, id) t) AS ratings,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, measure_key, taken_on, total, answers, risk_raised, source, difficulty
		FROM measure_results WHERE practice_id = $1 AND client_id = $2 ORDER BY taken_on, id) t) AS results

-- name: progress-page
-- The progress page's reads in one statement, as client-page: practice, conventions, markers
-- (active only), client-marker-ratings, client-measure-results, client-event-notes, goals,
-- goal-readings and checkins. $1 practice, $2 client.
SELECT
	(SELECT row_to_json(t) FROM (SELECT id, name, time_zone, created_at FROM practices WHERE id = $1) t) AS practice,
	(SELECT measure_conventions FROM practices WHERE id = $1) AS conventions,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, label, client_label, sort_order, active FROM markers
		WHERE practice_id = $1 AND active ORDER BY sort_order, id) t) AS markers,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT marker_id, rated_on, value, source FROM marker_ratings
		WHERE practice_id = $1 AND client_id = $2 ORDER BY rated_on, id) t) AS ratings,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, measure_key, taken_on, total, answers, risk_raised, source, difficulty
		FROM measure_results WHERE practice_id = $1 AND client_id = $2 ORDER BY taken_on, id) t) AS results,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, noted_on, text FROM event_notes
		WHERE practice_id = $1 AND client_id = $2 ORDER BY noted_on, id) t) AS notes,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, client_id, statement, what, where_, with_whom, metric, unit, metric_code, unit_code,
			direction, baseline_value, baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date,
			status, replaced_by, version, created_at, updated_at FROM goals WHERE practice_id = $1 AND client_id = $2
		ORDER BY array_position(ARRAY['active','draft','achieved','revised','discontinued'], status), created_at DESC) t) AS goals,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT r.id, r.goal_id, r.reading_date, r.value, r.note, r.source FROM goal_readings r
		JOIN goals g ON g.practice_id = r.practice_id AND g.id = r.goal_id
		WHERE r.practice_id = $1 AND g.client_id = $2 ORDER BY r.goal_id, r.reading_date, r.id) t) AS readings,
	(SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, client_id, with_markers, measures, due_date, completed_at, revoked_at, created_at, planned_on
		FROM checkins WHERE practice_id = $1 AND client_id = $2 ORDER BY created_at DESC, id DESC) t) AS checkins
