-- Neutral reminders of due forms (issue 18): who may get one, and the one-a-day record.

-- name: reminder-practices
-- Every practice with its time zone, for the reminder scan, which then reads each practice's
-- clients on their own.
SELECT id, time_zone FROM practices ORDER BY id

-- name: reminder-candidates
-- The practice's open clients who chose email, have an address, did not ask for no messages,
-- and were not reminded on day $2 (the practice's date).
SELECT c.id, c.contact_from, c.contact_until FROM clients c
	WHERE c.practice_id = $1 AND c.contact_method = 'email' AND c.email <> '' AND NOT c.no_messages
		AND c.archived_at IS NULL AND c.status IN ('intake', 'active')
		AND NOT EXISTS (SELECT 1 FROM reminder_sends r
			WHERE r.practice_id = c.practice_id AND r.client_id = c.id AND r.local_day = $2::date)
	ORDER BY c.id

-- name: reminder-contact
-- One client's safe-contact preferences and their practice's reminder settings.
SELECT c.practice_id, c.id AS client_id, c.counsellor_id, c.email, c.contact_method, c.no_messages,
		c.contact_from, c.contact_until, c.status, c.archived_at IS NOT NULL AS archived,
		p.time_zone, p.links_in_reminders
	FROM clients c JOIN practices p ON p.id = c.practice_id
	WHERE c.practice_id = $1 AND c.id = $2

-- name: insert-reminder-send
-- Records the day's reminder; no row when the client already had one that day.
INSERT INTO reminder_sends (practice_id, client_id, local_day, forms, sent_at) VALUES ($1, $2, $3::date, $4, $5)
	ON CONFLICT (practice_id, client_id, local_day) DO NOTHING

-- name: reminder-sends
-- The days a client was reminded, latest first.
SELECT local_day, forms, sent_at FROM reminder_sends WHERE practice_id = $1 AND client_id = $2
	ORDER BY local_day DESC
