-- name: next-client-seq
-- The practice's own counter row (distributed with its clients). practices.client_seq is read
-- only so that a number the previous release gave during a rolling deploy is never given twice.
INSERT INTO practice_counters AS c (practice_id, client_seq)
	SELECT id, client_seq + 1 FROM practices WHERE id = $1
	ON CONFLICT (practice_id) DO UPDATE SET client_seq = greatest(c.client_seq, EXCLUDED.client_seq - 1) + 1
	RETURNING client_seq

-- name: insert-client
INSERT INTO clients (practice_id, code, counsellor_id, first_name, last_name, preferred_name,
		pronouns, date_of_birth, email, phone, format, contact_method, neutral_messages, safe_contact_note,
		contact_from, contact_until, no_messages)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id

-- name: client-by-id
SELECT c.practice_id, c.id, c.code, c.counsellor_id, u.display_name AS counsellor_name,
	c.first_name, c.last_name, c.preferred_name, c.pronouns, c.date_of_birth, c.email, c.phone, c.format,
	c.status, c.contact_method, c.neutral_messages, c.safe_contact_note, c.contact_from, c.contact_until, c.no_messages,
	c.archived_at, c.version,
	c.created_at, c.updated_at,
	EXISTS (SELECT 1 FROM risk_flags f WHERE f.practice_id = c.practice_id AND f.client_id = c.id AND f.cleared_at IS NULL) AS risk_flag_open FROM clients c JOIN users u ON u.practice_id = c.practice_id AND u.id = c.counsellor_id
		WHERE c.practice_id = $1 AND c.id = $2 AND ($3 = 0 OR c.counsellor_id = $3)

-- name: update-client
UPDATE clients SET first_name = $4, last_name = $5, preferred_name = $6, pronouns = $7,
		date_of_birth = $8, email = $9, phone = $10, format = $11, contact_method = $12, neutral_messages = $13,
		safe_contact_note = $14, contact_from = $15, contact_until = $16, no_messages = $17,
		version = version + 1, updated_at = now()
	WHERE practice_id = $1 AND id = $2 AND version = $3

-- name: set-client-status
UPDATE clients SET status = $3, version = version + 1, updated_at = now(),
		discharged_at = CASE WHEN $3 = 'discharged' THEN now() END
	WHERE practice_id = $1 AND id = $2 AND status = ANY($4)

-- name: reassign-client
UPDATE clients c SET counsellor_id = $3, version = version + 1, updated_at = now()
	FROM users u WHERE c.practice_id = $1 AND c.id = $2
	AND u.practice_id = $1 AND u.id = $3 AND u.role = 'counsellor' AND u.active

-- name: counsellors
SELECT id, practice_id, email, display_name, role, password_hash, active, created_at, deactivated_at FROM users
	WHERE practice_id = $1 AND role = 'counsellor' AND active ORDER BY lower(display_name), id

-- name: archive-client
UPDATE clients SET archived_at = now(), version = version + 1, updated_at = now()
WHERE practice_id = $1 AND id = $2 AND archived_at IS NULL AND status = 'discharged'

-- name: restore-client
UPDATE clients SET archived_at = NULL, version = version + 1, updated_at = now()
WHERE practice_id = $1 AND id = $2 AND archived_at IS NOT NULL

-- name: caseload
-- One page of clients and the total matching. $2 counsellor (0: all), $3 part of a name or
-- code ('': all; % and _ escaped), $4 status and $5 format ('': all), $6 archived clients
-- instead of current ones, $7 sort key (name, code, status, updated, next), $8 descending,
-- $9 limit, $10 offset.
SELECT * FROM (
	SELECT c.practice_id, c.id, c.code, c.counsellor_id, u.display_name AS counsellor_name,
		c.first_name, c.last_name, c.preferred_name, c.pronouns, c.date_of_birth, c.email, c.phone, c.format,
		c.status, c.contact_method, c.neutral_messages, c.safe_contact_note, c.contact_from, c.contact_until, c.no_messages,
	c.archived_at, c.version,
		c.created_at, c.updated_at,
		EXISTS (SELECT 1 FROM risk_flags f WHERE f.practice_id = c.practice_id AND f.client_id = c.id AND f.cleared_at IS NULL) AS risk_flag_open,
		(SELECT min(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
			AND a.status = 'scheduled' AND a.starts_at >= now()) AS next_appointment,
		(SELECT max(a.starts_at) FROM appointments a WHERE a.practice_id = c.practice_id AND a.client_id = c.id
			AND a.status = 'attended') AS last_attended,
		count(*) OVER () AS total
	FROM clients c JOIN users u ON u.practice_id = c.practice_id AND u.id = c.counsellor_id
	WHERE c.practice_id = $1
		AND ($2::bigint = 0 OR c.counsellor_id = $2)
		AND ($3::text = '' OR c.code ILIKE '%' || $3 || '%'
			OR (c.first_name || ' ' || c.last_name || ' ' || c.preferred_name) ILIKE '%' || $3 || '%')
		AND ($4::text = '' OR c.status = $4)
		AND ($5::text = '' OR c.format = $5)
		AND (($6::bool AND c.archived_at IS NOT NULL) OR (NOT $6::bool AND c.archived_at IS NULL))
) x
ORDER BY
	CASE WHEN NOT $8::bool THEN CASE $7::text WHEN 'name' THEN lower(x.last_name) WHEN 'code' THEN x.code WHEN 'status' THEN x.status END END ASC NULLS LAST,
	CASE WHEN NOT $8::bool AND $7::text = 'name' THEN lower(x.first_name) END ASC NULLS LAST,
	CASE WHEN NOT $8::bool THEN CASE $7::text WHEN 'updated' THEN x.updated_at WHEN 'next' THEN x.next_appointment END END ASC NULLS LAST,
	CASE WHEN $8::bool THEN CASE $7::text WHEN 'name' THEN lower(x.last_name) WHEN 'code' THEN x.code WHEN 'status' THEN x.status END END DESC NULLS LAST,
	CASE WHEN $8::bool AND $7::text = 'name' THEN lower(x.first_name) END DESC NULLS LAST,
	CASE WHEN $8::bool THEN CASE $7::text WHEN 'updated' THEN x.updated_at WHEN 'next' THEN x.next_appointment END END DESC NULLS LAST,
	x.id
LIMIT $9 OFFSET $10
