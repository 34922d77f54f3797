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
--   the attention queue as the store keeps it (issue 16): 40,000 entries to review (800 per counsellor),
--     a risk flag on every 40th client (50), each falling marker from marker_trends, the 500 live links
--     (expiring in 30 days: not yet shown) and the 500 open assignments (overdue from tomorrow: not yet shown)
SET synchronous_commit = off;

INSERT INTO practices (name) VALUES ('Bench Practice');

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

UPDATE practices SET client_seq = 2000 WHERE name = 'Bench Practice';

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

-- The attention queue, as the store writes it with each change (a backfill like the migration's).
INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at, opened_at)
SELECT f.practice_id, c.counsellor_id, f.client_id, 'risk', f.id, 'Risk flag', f.raised_at, f.raised_at
FROM risk_flags f JOIN clients c ON c.practice_id = f.practice_id AND c.id = f.client_id
WHERE f.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice') AND f.cleared_at IS NULL;

INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at, opened_at)
SELECT e.practice_id, c.counsellor_id, e.client_id, 'review', e.id, a.title, e.submitted_at, e.submitted_at
FROM homework_entries e JOIN assignments a ON a.practice_id = e.practice_id AND a.id = e.assignment_id
JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
WHERE e.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice') AND e.status = 'submitted' AND e.reviewed_at IS NULL;

INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at, opened_at)
SELECT t.practice_id, c.counsellor_id, t.client_id, 'marker_fall', t.marker_id, m.label, t.newest_on::timestamptz, t.newest_on::timestamptz
FROM marker_trends t JOIN clients c ON c.practice_id = t.practice_id AND c.id = t.client_id
JOIN markers m ON m.practice_id = t.practice_id AND m.id = t.marker_id
WHERE t.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice') AND t.ratings = 3 AND t.oldest - t.newest >= 2;

INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
SELECT l.practice_id, c.counsellor_id, l.client_id, 'expiring', l.id, 'Client link', l.expires_at
FROM client_links l JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
WHERE l.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice') AND l.revoked_at IS NULL;

INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
SELECT a.practice_id, c.counsellor_id, a.client_id, 'overdue', a.id, a.title, (a.due_date + 1)::timestamptz
FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
WHERE a.request_key LIKE 'bench-link-%';

ANALYZE;
