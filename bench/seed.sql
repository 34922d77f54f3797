-- The large practice of make bench-http, seeded in set-based SQL (generate_series).
-- cmd/benchrun runs it as the schema owner on a freshly migrated database, after setting:
--   bench.password_hash  an argon2id hash (internal/auth) shared by every bench account
--   bench.template       the built-in reassurance_tally template, as JSON
-- What it makes:
--   1 practice, 1 admin, 50 counsellors (bench-admin@example.org, bench-c01..c50@example.org)
--   2,000 clients, 40 per counsellor
--   40,000 assignments (20 per client), each daily over 30 days that ended 31 days ago
--   1,200,000 submitted entries (30 per assignment, all but the last reviewed), 5 numbers each; the first 5 days of
--     entries are exactly 1,000,000 numbers, the long-form homework export's rows
--   400,000 marker ratings (200 per client over the 7 default markers)
--   500 more assignments for the last client (SB-02000, bench-c50's), open from 29 days ago to today with no
--     entries, each with a live private link whose token cmd/benchrun derives the same way
--     (base64url of sha256('bench-token-N')): the client form's GET and POST.
--   1 supervisor (bench-sup@example.org) supervising bench-c01..c05 (200 clients)
--   a risk flag on every 40th client (50)
--   the attention queue of all the above, as the store would have written it (last statement)
SET synchronous_commit = off;

INSERT INTO practices (name) VALUES ('Bench Practice');
-- What the store's CreatePractice adds with a practice: its client counter and default markers.
INSERT INTO practice_counters (practice_id) SELECT id FROM practices WHERE name = 'Bench Practice';
INSERT INTO markers (practice_id, label, client_label, sort_order)
SELECT p.id, d.label, default_marker_client_label(d.label), d.sort_order FROM practices p CROSS JOIN default_markers() d WHERE p.name = 'Bench Practice';

INSERT INTO users (practice_id, email, display_name, role, password_hash)
SELECT p.id, 'bench-admin@example.org', 'Bench Admin', 'admin', current_setting('bench.password_hash')
FROM practices p WHERE p.name = 'Bench Practice';

INSERT INTO users (practice_id, email, display_name, role, password_hash)
SELECT p.id, format('bench-c%s@example.org', lpad(n::text, 2, '0')), format('Counsellor %s', n), 'counsellor',
    current_setting('bench.password_hash')
FROM practices p CROSS JOIN generate_series(1, 50) n WHERE p.name = 'Bench Practice';

CREATE TEMP TABLE bench_counsellors AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS k, u.id, u.practice_id
FROM users u JOIN practices p ON p.id = u.practice_id
WHERE p.name = 'Bench Practice' AND u.role = 'counsellor';

-- Client n belongs to counsellor (n-1) % 50, so bench-c01 has clients 1, 51, 101, ...
INSERT INTO clients (practice_id, code, counsellor_id, first_name, last_name, format, status, contact_method, created_at)
SELECT bc.practice_id, 'SB-' || lpad(n::text, 5, '0'), bc.id, 'Client', 'Number ' || n,
    (ARRAY['individual', 'couples', 'group'])[1 + n % 3], 'active', 'neither', now() - interval '400 days'
FROM generate_series(1, 2000) n JOIN bench_counsellors bc ON bc.k = (n - 1) % 50;

UPDATE practice_counters SET client_seq = 2000 WHERE practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice');

INSERT INTO assignments (practice_id, client_id, template_ref, title, template, start_date, due_date, cadence, request_key, created_by)
SELECT c.practice_id, c.id, 'builtin:reassurance_tally', 'Daily tally', current_setting('bench.template')::jsonb,
    current_date - 60, current_date - 31, 'daily', md5(c.id || '-' || j), c.counsellor_id
FROM clients c CROSS JOIN generate_series(1, 20) j
WHERE c.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice');

-- Counsellors have reviewed every entry but each assignment's last: 40,000 await review
-- practice-wide, 800 per counsellor.
INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date, answers, status, idempotency_key, submitted_at,
    reviewed_at, reviewed_by)
SELECT a.practice_id, a.id, a.client_id, a.start_date + d,
    jsonb_build_object('reassurance_requests', (a.id + d) % 11, 'checks', d % 7, 'urges_resisted', d % 5,
        'minutes', 5 + d, 'mood', (a.id * d) % 10),
    'submitted', md5(a.id || '/' || d), (a.start_date + d)::timestamptz + interval '20 hours',
    CASE WHEN d < 29 THEN (a.start_date + d)::timestamptz + interval '40 hours' END, CASE WHEN d < 29 THEN a.created_by END
FROM assignments a CROSS JOIN generate_series(0, 29) d
WHERE a.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice');

INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source, recorded_by)
SELECT c.practice_id, c.id, m.id, current_date - 200 + i, (c.id + i) % 11, 'counsellor', c.counsellor_id
FROM clients c CROSS JOIN generate_series(0, 199) i
JOIN LATERAL (SELECT id FROM markers WHERE practice_id = c.practice_id ORDER BY sort_order, id OFFSET i % 7 LIMIT 1) m ON true
WHERE c.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice');

-- What the store keeps as it writes (no triggers do): each assignment's entry counts, and each
-- client's last three ratings of each marker.
UPDATE assignments a SET submitted_entries = n.submitted, reviewed_entries = n.reviewed, draft_entries = n.drafts
FROM (SELECT practice_id, assignment_id, count(*) FILTER (WHERE status = 'submitted') AS submitted,
        count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed, count(*) FILTER (WHERE status = 'draft') AS drafts
    FROM homework_entries WHERE practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice')
    GROUP BY practice_id, assignment_id) n
WHERE a.practice_id = n.practice_id AND a.id = n.assignment_id;

DELETE FROM marker_trends WHERE practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice');
INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
SELECT practice_id, client_id, marker_id, count(*), (array_agg(value ORDER BY rated_on, id))[1],
    (array_agg(value ORDER BY rated_on DESC, id DESC))[1], max(rated_on)
FROM (SELECT practice_id, client_id, marker_id, value, rated_on, id,
        row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
    FROM marker_ratings WHERE practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice')) r
WHERE rn <= 3
GROUP BY practice_id, client_id, marker_id;

-- The client form's assignments and links: one due form and one link for each of the last 500
-- clients (a client has one link, which lists what is due), so that the client page, progress
-- page and dashboard measured (bench-c01 and SB-00001) stay typical.
INSERT INTO assignments (practice_id, client_id, template_ref, title, template, start_date, due_date, cadence, request_key, created_by)
SELECT c.practice_id, c.id, 'builtin:reassurance_tally', 'Daily tally', current_setting('bench.template')::jsonb,
    current_date - 29, current_date, 'daily', 'bench-link-' || lpad(c.n::text, 8, '0'), c.counsellor_id
FROM (SELECT c.*, row_number() OVER (ORDER BY c.id DESC) AS n FROM clients c
      WHERE c.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice')) c
WHERE c.n <= 500;

INSERT INTO client_links (practice_id, client_id, assignment_id, token_hash, expires_at, created_by)
SELECT a.practice_id, a.client_id, a.id,
    sha256(convert_to(rtrim(translate(encode(sha256(convert_to('bench-token-' || substr(a.request_key, 12)::int, 'UTF8')), 'base64'), '+/', '-_'), '='), 'UTF8')),
    now() + interval '30 days', a.created_by
FROM assignments a WHERE a.request_key LIKE 'bench-link-%';

-- The supervisor and their five supervisees.
INSERT INTO users (practice_id, email, display_name, role, password_hash)
SELECT p.id, 'bench-sup@example.org', 'Bench Supervisor', 'supervisor', current_setting('bench.password_hash')
FROM practices p WHERE p.name = 'Bench Practice';

INSERT INTO supervision (practice_id, supervisor_id, counsellor_id)
SELECT s.practice_id, s.id, bc.id FROM users s JOIN bench_counsellors bc ON bc.practice_id = s.practice_id AND bc.k < 5
WHERE s.email = 'bench-sup@example.org';

-- Risk flags on every 40th client, raised over the last weeks.
INSERT INTO risk_flags (practice_id, client_id, source, summary, raised_by, raised_at)
SELECT c.practice_id, c.id, 'manual', 'Raised in session', c.counsellor_id, now() - (c.id % 20) * interval '1 day'
FROM clients c WHERE c.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice') AND substr(c.code, 4)::int % 40 = 1;

-- The attention queue the store writes with each change (issue 16): filled by the rules of
-- migration 0020 (this statement is a copy of its backfill), so the dashboards read a real queue.
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

ANALYZE;
