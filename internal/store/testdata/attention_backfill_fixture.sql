-- Records of every kind the attention queue is filled from, written with plain SQL into a
-- database migrated up to 0019 (before the queue's backfill): two practices, one with
-- reliable-change conventions of its own and another time zone.
INSERT INTO practices (id, name) OVERRIDING SYSTEM VALUE VALUES (901, 'Backfill One'), (902, 'Backfill Two');
UPDATE practices SET time_zone = 'America/New_York',
	measure_conventions = '{"gad7": {"RCI": 2, "CutOff": 8, "Source": "Practice convention"}, "phq9": {"RCI": 0, "CutOff": 10}}'
	WHERE id = 902;
INSERT INTO users (practice_id, id, email, display_name, role, password_hash) OVERRIDING SYSTEM VALUE VALUES
	(901, 911, 'a@one.example', 'A', 'counsellor', 'x'), (901, 912, 'b@one.example', 'B', 'counsellor', 'x'),
	(902, 921, 'c@two.example', 'C', 'counsellor', 'x');
INSERT INTO clients (practice_id, id, code, counsellor_id, first_name, last_name, format) OVERRIDING SYSTEM VALUE VALUES
	(901, 931, 'SB-0001', 911, 'Jo', 'Avery', 'individual'), (901, 932, 'SB-0002', 912, 'Sam', 'Lee', 'individual'),
	(902, 941, 'SB-0001', 921, 'Ana', 'Ruiz', 'individual');

-- Risk: an open intake flag, an open item-9 flag, a cleared manual flag.
INSERT INTO risk_flags (practice_id, client_id, source, summary, raised_at) VALUES
	(901, 931, 'intake', 's', now() - interval '2 days'), (902, 941, 'phq9_item9', 's', now() - interval '1 day');
INSERT INTO risk_flags (practice_id, client_id, source, summary, cleared_by, cleared_at) VALUES (901, 932, 'manual', 's', 912, now());

-- Homework: a daily assignment two of three days sent (one reviewed), one done, one revoked;
-- a once-only one not sent in the other practice.
INSERT INTO assignments (practice_id, id, client_id, template_ref, title, template, start_date, due_date, cadence, request_key, created_by,
		submitted_entries, revoked_at) OVERRIDING SYSTEM VALUE VALUES
	(901, 951, 931, 't', 'Daily tally', '{}', current_date - 2, current_date, 'daily', 'k000000000000001', 911, 2, NULL),
	(901, 952, 931, 't', 'Thought record', '{}', current_date - 5, current_date - 5, 'once', 'k000000000000002', 911, 1, NULL),
	(901, 953, 932, 't', 'Sleep diary', '{}', current_date - 9, current_date - 3, 'daily', 'k000000000000003', 912, 0, now()),
	(902, 954, 941, 't', 'Daily tally', '{}', current_date - 9, current_date - 3, 'once', 'k000000000000004', 921, 0, NULL);
INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date, answers, status, idempotency_key, submitted_at,
		reviewed_at, reviewed_by) VALUES
	(901, 951, 931, current_date - 2, '{}', 'submitted', 'i000000000000001', now() - interval '2 days', now(), 911),
	(901, 951, 931, current_date - 1, '{}', 'submitted', 'i000000000000002', now() - interval '1 day', NULL, NULL),
	(901, 951, 931, current_date, '{}', 'draft', 'i000000000000003', NULL, NULL, NULL),
	(901, 952, 931, current_date - 5, '{}', 'submitted', 'i000000000000004', now() - interval '5 days', NULL, NULL);

-- Check-ins and links: a live client link, a revoked one, one of a completed check-in, one of
-- an open check-in, one of the revoked assignment.
INSERT INTO checkins (practice_id, id, client_id, with_markers, due_date, request_key, created_by, completed_at) OVERRIDING SYSTEM VALUE VALUES
	(901, 961, 931, true, current_date, 'c000000000000001', 911, now()),
	(902, 962, 941, true, current_date, 'c000000000000002', 921, NULL);
INSERT INTO client_links (practice_id, client_id, assignment_id, checkin_id, token_hash, expires_at, revoked_at, created_by) VALUES
	(901, 931, NULL, NULL, sha256('a'), now() + interval '2 days', NULL, 911),
	(901, 931, NULL, NULL, sha256('b'), now() + interval '5 days', now(), 911),
	(901, 931, NULL, 961, sha256('c'), now() + interval '1 day', NULL, 911),
	(902, 941, NULL, 962, sha256('d'), now() + interval '3 days', NULL, 921),
	(901, 932, 953, NULL, sha256('e'), now() + interval '4 days', NULL, 912);

-- Goals: active with and without a target date, achieved with one.
INSERT INTO goals (practice_id, client_id, statement, target_date, status, created_by) VALUES
	(901, 931, 'Sleep', current_date + 10, 'active', 911), (901, 932, 'Walk', NULL, 'active', 912),
	(901, 932, 'Read', current_date + 3, 'achieved', 912), (902, 941, 'Cook', current_date + 20, 'active', 921);

-- Markers: a fall of 3 over the last three ratings (an older, higher one before), a fall of 1.
INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source)
SELECT 901, 931, (SELECT id FROM markers WHERE practice_id = 901 ORDER BY sort_order, id LIMIT 1), current_date - d, v, 'counsellor'
	FROM (VALUES (4, 2), (3, 9), (2, 8), (1, 6)) AS r(d, v);
INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source)
SELECT 902, 941, (SELECT id FROM markers WHERE practice_id = 902 ORDER BY sort_order, id LIMIT 1), current_date - d, v, 'client'
	FROM (VALUES (3, 7), (2, 7), (1, 6)) AS r(d, v);
INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
SELECT practice_id, client_id, marker_id, 3,
		(array_agg(value ORDER BY rated_on))[1], (array_agg(value ORDER BY rated_on DESC))[1], max(rated_on)
	FROM (SELECT *, row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC) AS k FROM marker_ratings) r
	WHERE k <= 3 GROUP BY practice_id, client_id, marker_id;

-- Questionnaires: PHQ-9 5 then 12 (deteriorated by the default 6) then 11 (still, the latest
-- named); GAD-7 3 then 6 (not by the default 4); in the other practice GAD-7 3 then 5
-- (deteriorated by its convention of 2) and PHQ-9 4 then 10 (its convention of 0 keeps 6).
INSERT INTO measure_results (practice_id, client_id, measure_key, taken_on, total, source) VALUES
	(901, 931, 'phq9', current_date - 20, 5, 'counsellor'), (901, 931, 'phq9', current_date - 10, 12, 'counsellor'),
	(901, 931, 'phq9', current_date - 1, 11, 'client'),
	(901, 932, 'gad7', current_date - 20, 3, 'counsellor'), (901, 932, 'gad7', current_date - 2, 6, 'counsellor'),
	(902, 941, 'gad7', current_date - 20, 3, 'counsellor'), (902, 941, 'gad7', current_date - 2, 5, 'client'),
	(902, 941, 'phq9', current_date - 20, 4, 'counsellor'), (902, 941, 'phq9', current_date - 2, 10, 'client');
