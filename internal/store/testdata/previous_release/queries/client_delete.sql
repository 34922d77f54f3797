-- name: retention
-- The end of care is the latest of the discharge, the archiving and the last attended
-- appointment; it exists only once the client is discharged.
SELECT c.code, c.status, p.retention_years,
		CASE WHEN c.status = 'discharged' THEN greatest(c.discharged_at, c.archived_at,
			(SELECT max(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
				AND a.status = 'attended')) END AS end_of_care
	FROM clients c JOIN practices p ON p.id = c.practice_id
	WHERE c.practice_id = $1 AND c.id = $2

-- name: client-record-counts
SELECT
	(SELECT count(*) FROM intake_versions WHERE practice_id = $1 AND client_id = $2) AS intakes,
	(SELECT count(*) FROM risk_flags WHERE practice_id = $1 AND client_id = $2) AS risk_flags,
	(SELECT count(*) FROM appointments WHERE practice_id = $1 AND client_id = $2) AS appointments,
	(SELECT count(*) FROM goals WHERE practice_id = $1 AND client_id = $2) AS goals,
	(SELECT count(*) FROM goal_readings r JOIN goals g ON g.practice_id = r.practice_id AND g.id = r.goal_id
		WHERE g.practice_id = $1 AND g.client_id = $2) AS readings,
	(SELECT count(*) FROM assignments WHERE practice_id = $1 AND client_id = $2) AS assignments,
	(SELECT count(*) FROM homework_entries WHERE practice_id = $1 AND client_id = $2) AS entries,
	(SELECT count(*) FROM checkins WHERE practice_id = $1 AND client_id = $2) AS checkins,
	(SELECT count(*) FROM marker_ratings WHERE practice_id = $1 AND client_id = $2) AS ratings,
	(SELECT count(*) FROM measure_results WHERE practice_id = $1 AND client_id = $2) AS results,
	(SELECT count(*) FROM event_notes WHERE practice_id = $1 AND client_id = $2) AS event_notes

-- name: lock-client-retention
SELECT c.code, c.status, p.retention_years,
		CASE WHEN c.status = 'discharged' THEN greatest(c.discharged_at, c.archived_at,
			(SELECT max(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
				AND a.status = 'attended')) END AS end_of_care
	FROM clients c JOIN practices p ON p.id = c.practice_id
	WHERE c.practice_id = $1 AND c.id = $2 FOR UPDATE OF c

-- name: delete-client
DELETE FROM clients WHERE practice_id = $1 AND id = $2
