-- Neutral reminders (issue 18 item 2): the client's safe-contact hours and "no messages",
-- the practice's choice to put a link in a reminder (off by default), one row per reminder
-- sent (so at most one a day, whichever instance sends it), and the schema that the job
-- queue (River) keeps its own tables in. River's tables are made by rivermigrate, run by
-- `securebase migrate up` right after these migrations, as the same (owning) role: the
-- default privileges below give the application role what River's workers need.

-- +goose Up
ALTER TABLE clients
    ADD COLUMN contact_from  smallint NOT NULL DEFAULT 9  CHECK (contact_from BETWEEN 0 AND 23),
    ADD COLUMN contact_until smallint NOT NULL DEFAULT 18 CHECK (contact_until BETWEEN 1 AND 24),
    ADD COLUMN no_messages   boolean  NOT NULL DEFAULT false,
    ADD CONSTRAINT clients_contact_hours_check CHECK (contact_from < contact_until);

ALTER TABLE practices
    ADD COLUMN links_in_reminders boolean NOT NULL DEFAULT false;

-- One row per reminder sent, keyed by the client's day in the practice's time zone: the
-- primary key is what makes "at most once a day" hold across instances and retries.
CREATE TABLE reminder_sends (
    practice_id bigint      NOT NULL,
    client_id   bigint      NOT NULL,
    local_day   date        NOT NULL,
    forms       integer     NOT NULL CHECK (forms >= 1),
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, client_id, local_day),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE
);
GRANT SELECT, INSERT ON reminder_sends TO securebase_app;

CREATE SCHEMA IF NOT EXISTS river;
GRANT USAGE ON SCHEMA river TO securebase_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA river GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO securebase_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA river GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO securebase_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA river GRANT EXECUTE ON FUNCTIONS TO securebase_app;

-- +goose Down
ALTER DEFAULT PRIVILEGES IN SCHEMA river REVOKE ALL ON TABLES FROM securebase_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA river REVOKE ALL ON SEQUENCES FROM securebase_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA river REVOKE ALL ON FUNCTIONS FROM securebase_app;
DROP SCHEMA river CASCADE;
DROP TABLE reminder_sends;
ALTER TABLE practices DROP COLUMN links_in_reminders;
ALTER TABLE clients DROP CONSTRAINT clients_contact_hours_check,
    DROP COLUMN no_messages, DROP COLUMN contact_until, DROP COLUMN contact_from;
