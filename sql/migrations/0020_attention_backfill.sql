-- +goose Up
-- A client's items go with the client, through the cascade the rest of the record uses
-- (client deletion, store.DeleteClient, deletes the client's row and lets the schema do the rest).
ALTER TABLE attention_items DROP CONSTRAINT attention_items_practice_id_client_id_fkey,
    ADD CONSTRAINT attention_items_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id)
        REFERENCES clients (practice_id, id) ON DELETE CASCADE;

-- The attention queue (0019) filled from the records already there, by the rules the store's
-- writers follow from now on (attention-sync in internal/store/queries/attention.sql), so the
-- first change to a client after this migration finds its queue already right:
--   risk, item_nine  open risk flags (item_nine: source phq9_item9), due when raised;
--   review           entries sent and not reviewed, due when sent, labelled with the assignment;
--   overdue          assignments not revoked with fewer entries sent than the cadence asks for
--                    (once: 1; daily: one a day from start to due date), due at the end of the
--                    due date in the practice's time zone;
--   expiring         links not revoked (nor their assignment revoked, nor their check-in
--                    completed or revoked), due when they expire;
--   goal_due         active goals with a target date, due at the start of it in the practice's zone;
--   marker_fall      markers whose last three ratings fell by 2 or more (marker_trends);
--   deterioration    per client and measure, latest minus first total at least the RCI in force,
--                    referring to the latest result, due at the start of its day.
-- The RCI in force is the practice's convention (measure_conventions -> key -> RCI) when above 0,
-- else the catalogue's published default: PHQ-9 6, GAD-7 4 (internal/measures/catalogue.go). A
-- convention that leaves RCI at 0 asks for Jacobson-Truax only where the catalogue publishes no
-- RCI (measures.ThresholdsFor): both shipped measures publish one, so 0 keeps 6 and 4 here, as in
-- the store. A measure added later without a published RCI must extend this list with its
-- Jacobson-Truax value (1.96 * SDpre * sqrt(2) * sqrt(1 - reliability)).
INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
SELECT w.practice_id, c.counsellor_id, w.client_id, w.kind, w.ref_id, left(w.label, 200), w.due_at
FROM (
	SELECT f.practice_id, f.client_id, CASE WHEN f.source = 'phq9_item9' THEN 'item_nine' ELSE 'risk' END AS kind,
		f.id AS ref_id, CASE WHEN f.source = 'phq9_item9' THEN 'PHQ-9' ELSE 'Risk flag' END AS label, f.raised_at AS due_at
	FROM risk_flags f WHERE f.cleared_at IS NULL
	UNION ALL
	SELECT e.practice_id, e.client_id, 'review', e.id, a.title, e.submitted_at
	FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
	WHERE e.status = 'submitted' AND e.reviewed_at IS NULL
	UNION ALL
	SELECT a.practice_id, a.client_id, 'overdue', a.id, a.title, (a.due_date + 1)::timestamp AT TIME ZONE p.time_zone
	FROM assignments a JOIN practices p ON p.id = a.practice_id
	WHERE a.revoked_at IS NULL
		AND a.submitted_entries < CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END
	UNION ALL
	SELECT l.practice_id, l.client_id, 'expiring', l.id,
		coalesce(a.title, CASE WHEN l.checkin_id IS NULL THEN 'Client link' ELSE 'Check-in' END), l.expires_at
	FROM client_links l LEFT JOIN assignments a ON a.practice_id = l.practice_id AND a.id = l.assignment_id
		LEFT JOIN checkins k ON k.practice_id = l.practice_id AND k.id = l.checkin_id
	WHERE l.revoked_at IS NULL AND a.revoked_at IS NULL AND k.completed_at IS NULL AND k.revoked_at IS NULL
	UNION ALL
	SELECT g.practice_id, g.client_id, 'goal_due', g.id, 'Goal', g.target_date::timestamp AT TIME ZONE p.time_zone
	FROM goals g JOIN practices p ON p.id = g.practice_id
	WHERE g.status = 'active' AND g.target_date IS NOT NULL
	UNION ALL
	SELECT t.practice_id, t.client_id, 'marker_fall', t.marker_id, m.label, t.newest_on::timestamp AT TIME ZONE p.time_zone
	FROM marker_trends t JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id
		JOIN practices p ON p.id = t.practice_id
	WHERE t.ratings = 3 AND t.oldest - t.newest >= 2
	UNION ALL
	SELECT x.practice_id, x.client_id, 'deterioration', x.latest_id, m.name, x.latest_on::timestamp AT TIME ZONE p.time_zone
	FROM (SELECT r.practice_id, r.client_id, r.measure_key,
			(array_agg(r.total ORDER BY r.taken_on, r.id))[1] AS first_total,
			(array_agg(r.total ORDER BY r.taken_on DESC, r.id DESC))[1] AS latest_total,
			(array_agg(r.id ORDER BY r.taken_on DESC, r.id DESC))[1] AS latest_id,
			max(r.taken_on) AS latest_on, count(*) AS n
		FROM measure_results r GROUP BY r.practice_id, r.client_id, r.measure_key) x
	JOIN (VALUES ('phq9', 'PHQ-9', 6::float8), ('gad7', 'GAD-7', 4::float8)) AS m(key, name, rci) ON m.key = x.measure_key
	JOIN practices p ON p.id = x.practice_id
	WHERE x.n >= 2 AND x.latest_total - x.first_total >= CASE WHEN (p.measure_conventions -> m.key ->> 'RCI')::float8 > 0
		THEN (p.measure_conventions -> m.key ->> 'RCI')::float8 ELSE m.rci END
) w JOIN clients c ON c.practice_id = w.practice_id AND c.id = w.client_id
ON CONFLICT (practice_id, client_id, kind, ref_id) WHERE resolved_at IS NULL DO NOTHING;

-- +goose Down
DELETE FROM attention_items;
ALTER TABLE attention_items DROP CONSTRAINT attention_items_practice_id_client_id_fkey,
    ADD CONSTRAINT attention_items_practice_id_client_id_fkey FOREIGN KEY (practice_id, client_id)
        REFERENCES clients (practice_id, id);
