-- One private link per client (issue 12).
--
-- A link now belongs to a client and opens the client's own page: every form due now. A link
-- issued before this (one per assignment or check-in, with assignment_id or checkin_id set)
-- keeps working until it expires, and now opens the same page; the counsellor sees these
-- "older links" on the client's page, and issuing the client link ends them, after asking.
-- A client has at most one live client link (assignment_id and checkin_id both null).

-- +goose Up
ALTER TABLE client_links ADD COLUMN client_id bigint;
UPDATE client_links l SET client_id = a.client_id FROM assignments a WHERE a.practice_id = l.practice_id AND a.id = l.assignment_id;
UPDATE client_links l SET client_id = k.client_id FROM checkins k WHERE k.practice_id = l.practice_id AND k.id = l.checkin_id;
ALTER TABLE client_links
    ALTER COLUMN client_id SET NOT NULL,
    ADD CONSTRAINT client_links_client_fkey FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    DROP CONSTRAINT client_links_check,
    ADD CONSTRAINT client_links_one_scope CHECK (assignment_id IS NULL OR checkin_id IS NULL);
CREATE INDEX client_links_client_idx ON client_links (practice_id, client_id);
CREATE UNIQUE INDEX client_links_live_client_key ON client_links (practice_id, client_id)
    WHERE revoked_at IS NULL AND assignment_id IS NULL AND checkin_id IS NULL;

-- A practice may ask for the client's PIN before any form opens, not only before what was
-- already written.
ALTER TABLE practices ADD COLUMN pin_before_forms boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE practices DROP COLUMN pin_before_forms;
DELETE FROM client_links WHERE assignment_id IS NULL AND checkin_id IS NULL;
DROP INDEX client_links_live_client_key;
DROP INDEX client_links_client_idx;
ALTER TABLE client_links
    DROP CONSTRAINT client_links_one_scope,
    ADD CONSTRAINT client_links_check CHECK ((assignment_id IS NULL) <> (checkin_id IS NULL)),
    DROP CONSTRAINT client_links_client_fkey,
    DROP COLUMN client_id;
