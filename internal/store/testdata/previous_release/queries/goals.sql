-- name: create-goal
INSERT INTO goals (practice_id, client_id, created_by, statement, what, where_, with_whom, metric, unit,
		direction, baseline_value, baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date,
		metric_code, unit_code)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id

-- name: goal
SELECT id, client_id, statement, what, where_, with_whom, metric, unit, metric_code, unit_code, direction, baseline_value,
	baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date, status,
	replaced_by, version, created_at, updated_at FROM goals WHERE practice_id = $1 AND client_id = $2 AND id = $3

-- name: goals
SELECT id, client_id, statement, what, where_, with_whom, metric, unit, metric_code, unit_code, direction, baseline_value,
	baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date, status,
	replaced_by, version, created_at, updated_at FROM goals WHERE practice_id = $1 AND client_id = $2
		ORDER BY array_position(ARRAY['active','draft','achieved','revised','discontinued'], status), created_at DESC

-- name: update-goal
UPDATE goals SET statement = $5, what = $6, where_ = $7, with_whom = $8, metric = $9,
		unit = $10, direction = $11, baseline_value = $12, baseline_date = $13, target_value = $14, measure_how = $15,
		measure_often = $16, steps = $17, supports = $18, concerns = $19, target_date = $20, metric_code = $21, unit_code = $22,
		version = version + 1, updated_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND version = $4 AND status IN ('draft', 'active')

-- name: lock-goal-version
SELECT version FROM goals WHERE practice_id = $1 AND client_id = $2 AND id = $3 FOR UPDATE

-- name: lock-goal
SELECT id, client_id, statement, what, where_, with_whom, metric, unit, metric_code, unit_code, direction, baseline_value,
	baseline_date, target_value, measure_how, measure_often, steps, supports, concerns, target_date, status,
	replaced_by, version, created_at, updated_at FROM goals WHERE practice_id = $1 AND client_id = $2 AND id = $3 FOR UPDATE

-- name: set-goal-status
UPDATE goals SET status = $5, replaced_by = coalesce($6, replaced_by), version = version + 1, updated_at = now()
	WHERE practice_id = $1 AND client_id = $2 AND id = $3 AND status = $4

-- name: insert-goal-status-change
INSERT INTO goal_status_changes (practice_id, goal_id, from_status, to_status, reason, changed_by)
	VALUES ($1, $2, $3, $4, $5, $6)

-- name: goal-history
SELECT h.from_status, h.to_status, h.reason, u.display_name AS changed_by_name, h.changed_at
	FROM goal_status_changes h JOIN users u ON u.practice_id = h.practice_id AND u.id = h.changed_by
	WHERE h.practice_id = $1 AND h.goal_id = $2 ORDER BY h.changed_at, h.id

-- name: add-goal-reading
INSERT INTO goal_readings (practice_id, goal_id, reading_date, value, note, recorded_by)
	SELECT $1, g.id, $4, $5, $6, $7 FROM goals g WHERE g.practice_id = $1 AND g.client_id = $2 AND g.id = $3

-- name: goal-readings
SELECT id, goal_id, reading_date, value, note, source FROM goal_readings
	WHERE practice_id = $1 AND goal_id = ANY($2) ORDER BY goal_id, reading_date, id
