-- Homework: practice templates, assignments that keep the template exactly as given,
-- private client links stored only as SHA-256 hashes, entries (drafts and submissions,
-- idempotent), and goal readings fed by entries.

-- +goose Up
ALTER TABLE practices ADD COLUMN name_on_client_pages boolean NOT NULL DEFAULT false;

CREATE TABLE homework_templates (
    practice_id bigint      NOT NULL REFERENCES practices (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    definition  jsonb       NOT NULL,
    based_on    text        NOT NULL DEFAULT '',
    version     integer     NOT NULL DEFAULT 1,
    archived_at timestamptz,
    created_by  bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id)
);

CREATE TABLE assignments (
    practice_id  bigint      NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    client_id    bigint      NOT NULL,
    template_ref text        NOT NULL,
    title        text        NOT NULL,
    template     jsonb       NOT NULL,
    instructions text        NOT NULL DEFAULT '' CHECK (length(instructions) <= 3000),
    start_date   date        NOT NULL,
    due_date     date        NOT NULL CHECK (due_date >= start_date),
    cadence      text        NOT NULL CHECK (cadence IN ('once', 'daily')),
    goal_id      bigint,
    goal_field   text        NOT NULL DEFAULT '',
    revoked_at   timestamptz,
    request_key  text        NOT NULL CHECK (length(request_key) BETWEEN 16 AND 64),
    created_by   bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (practice_id, created_by, request_key),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id),
    CHECK ((goal_id IS NULL) = (goal_field = ''))
);
CREATE INDEX assignments_client_idx ON assignments (practice_id, client_id);

-- A link is looked up by the hash of its token before the practice is known, hence the
-- global unique index. At most one live link per assignment.
CREATE TABLE client_links (
    practice_id   bigint      NOT NULL,
    id            bigint GENERATED ALWAYS AS IDENTITY,
    assignment_id bigint      NOT NULL,
    token_hash    bytea       NOT NULL CHECK (length(token_hash) = 32),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    created_by    bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id)
);
CREATE UNIQUE INDEX client_links_token_key ON client_links (token_hash);
CREATE UNIQUE INDEX client_links_live_key ON client_links (practice_id, assignment_id) WHERE revoked_at IS NULL;

-- One entry per assignment and day (a once-only assignment uses its start date), so a
-- double submit can never make two; the idempotency key tells a retry from a new entry.
CREATE TABLE homework_entries (
    practice_id     bigint      NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    assignment_id   bigint      NOT NULL,
    client_id       bigint      NOT NULL,
    entry_date      date        NOT NULL,
    answers         jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('draft', 'submitted')),
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 16 AND 64),
    submitted_at    timestamptz,
    reviewed_at     timestamptz,
    reviewed_by     bigint,
    reply           text        NOT NULL DEFAULT '' CHECK (length(reply) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (practice_id, assignment_id, entry_date),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignments (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, reviewed_by) REFERENCES users (practice_id, id),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX homework_entries_client_idx ON homework_entries (practice_id, client_id);

ALTER TABLE goal_readings ADD COLUMN entry_id bigint;
ALTER TABLE goal_readings ADD FOREIGN KEY (practice_id, entry_id) REFERENCES homework_entries (practice_id, id);
CREATE UNIQUE INDEX goal_readings_entry_key ON goal_readings (practice_id, entry_id) WHERE entry_id IS NOT NULL;

REVOKE ALL ON homework_templates, assignments, client_links, homework_entries FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON homework_templates, assignments, client_links, homework_entries TO securebase_app;

-- +goose Down
DROP INDEX goal_readings_entry_key;
ALTER TABLE goal_readings DROP COLUMN entry_id;
DROP TABLE homework_entries;
DROP TABLE client_links;
DROP TABLE assignments;
DROP TABLE homework_templates;
ALTER TABLE practices DROP COLUMN name_on_client_pages;
