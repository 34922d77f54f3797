-- Casework: clients with safe-contact preferences, versioned intakes with a risk screen,
-- risk flags, appointments, and SMART goals with their status history and readings.
-- Every table carries practice_id, and every foreign key to a practice's row includes it.

-- +goose Up
ALTER TABLE practices
    ADD COLUMN client_seq integer NOT NULL DEFAULT 0,
    ADD COLUMN time_zone  text    NOT NULL DEFAULT 'Europe/London';

CREATE TABLE clients (
    practice_id       bigint      NOT NULL REFERENCES practices (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    code              text        NOT NULL CHECK (code ~ '^SB-[0-9]{4,}$'),
    counsellor_id     bigint      NOT NULL,
    first_name        text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name         text        NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    preferred_name    text        NOT NULL DEFAULT '' CHECK (length(preferred_name) <= 100),
    pronouns          text        NOT NULL DEFAULT '' CHECK (length(pronouns) <= 40),
    date_of_birth     date,
    email             text        NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    phone             text        NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    format            text        NOT NULL CHECK (format IN ('individual', 'couples', 'group')),
    status            text        NOT NULL DEFAULT 'intake' CHECK (status IN ('intake', 'active', 'paused', 'discharged')),
    contact_method    text        NOT NULL DEFAULT 'neither' CHECK (contact_method IN ('email', 'phone', 'neither')),
    neutral_messages  boolean     NOT NULL DEFAULT true,
    safe_contact_note text        NOT NULL DEFAULT '' CHECK (length(safe_contact_note) <= 1000),
    archived_at       timestamptz,
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (practice_id, code),
    FOREIGN KEY (practice_id, counsellor_id) REFERENCES users (practice_id, id)
);
CREATE INDEX clients_counsellor_idx ON clients (practice_id, counsellor_id);
CREATE INDEX clients_name_idx ON clients (practice_id, lower(last_name), lower(first_name));

-- Each save of any intake section writes a whole new version; the highest is current.
CREATE TABLE intake_versions (
    practice_id bigint      NOT NULL,
    client_id   bigint      NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    section     text        NOT NULL,
    data        jsonb       NOT NULL,
    saved_by    bigint      NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, client_id, version),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, saved_by) REFERENCES users (practice_id, id)
);

-- A raised risk stays flagged until a counsellor reviews and clears it.
CREATE TABLE risk_flags (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    client_id   bigint      NOT NULL,
    source      text        NOT NULL CHECK (source IN ('intake', 'phq9_item9', 'manual')),
    summary     text        NOT NULL CHECK (length(summary) <= 500),
    raised_by   bigint,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    cleared_by  bigint,
    cleared_at  timestamptz,
    review_note text        NOT NULL DEFAULT '' CHECK (length(review_note) <= 2000),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, raised_by) REFERENCES users (practice_id, id),
    FOREIGN KEY (practice_id, cleared_by) REFERENCES users (practice_id, id),
    CHECK ((cleared_at IS NULL) = (cleared_by IS NULL))
);
CREATE INDEX risk_flags_open_idx ON risk_flags (practice_id, client_id) WHERE cleared_at IS NULL;

CREATE TABLE appointments (
    practice_id      bigint      NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    client_id        bigint      NOT NULL,
    starts_at        timestamptz NOT NULL,
    duration_minutes integer     NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    status           text        NOT NULL CHECK (status IN ('scheduled', 'attended', 'cancelled', 'no_show')),
    format           text        NOT NULL CHECK (format IN ('individual', 'couples', 'group')),
    note             text        NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_by       bigint      NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id)
);
CREATE INDEX appointments_client_idx ON appointments (practice_id, client_id, starts_at);

CREATE TABLE goals (
    practice_id    bigint      NOT NULL,
    id             bigint GENERATED ALWAYS AS IDENTITY,
    client_id      bigint      NOT NULL,
    statement      text        NOT NULL DEFAULT '' CHECK (length(statement) <= 500),
    what           text        NOT NULL DEFAULT '' CHECK (length(what) <= 1000),
    where_         text        NOT NULL DEFAULT '' CHECK (length(where_) <= 1000),
    with_whom      text        NOT NULL DEFAULT '' CHECK (length(with_whom) <= 1000),
    metric         text        NOT NULL DEFAULT '' CHECK (length(metric) <= 200),
    unit           text        NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
    direction      text        NOT NULL DEFAULT '' CHECK (direction IN ('', 'decrease', 'increase')),
    baseline_value numeric,
    baseline_date  date,
    target_value   numeric,
    measure_how    text        NOT NULL DEFAULT '' CHECK (length(measure_how) <= 1000),
    measure_often  text        NOT NULL DEFAULT '' CHECK (length(measure_often) <= 200),
    steps          text        NOT NULL DEFAULT '' CHECK (length(steps) <= 2000),
    supports       text        NOT NULL DEFAULT '' CHECK (length(supports) <= 2000),
    concerns       text[]      NOT NULL DEFAULT '{}',
    target_date    date,
    status         text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'achieved', 'revised', 'discontinued')),
    replaced_by    bigint,
    version        integer     NOT NULL DEFAULT 1,
    created_by     bigint      NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, replaced_by) REFERENCES goals (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id)
);
CREATE INDEX goals_client_idx ON goals (practice_id, client_id);

CREATE TABLE goal_status_changes (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    goal_id     bigint      NOT NULL,
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    reason      text        NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    changed_by  bigint      NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id),
    FOREIGN KEY (practice_id, changed_by) REFERENCES users (practice_id, id)
);
CREATE INDEX goal_status_changes_goal_idx ON goal_status_changes (practice_id, goal_id);

-- Readings come from the counsellor now, and from homework entries in a later migration.
CREATE TABLE goal_readings (
    practice_id  bigint      NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    goal_id      bigint      NOT NULL,
    reading_date date        NOT NULL,
    value        numeric     NOT NULL,
    note         text        NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    source       text        NOT NULL DEFAULT 'counsellor' CHECK (source IN ('counsellor', 'homework')),
    recorded_by  bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, goal_id) REFERENCES goals (practice_id, id),
    FOREIGN KEY (practice_id, recorded_by) REFERENCES users (practice_id, id)
);
CREATE INDEX goal_readings_goal_idx ON goal_readings (practice_id, goal_id, reading_date);

REVOKE ALL ON clients, intake_versions, risk_flags, appointments, goals, goal_status_changes, goal_readings FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON clients, risk_flags, appointments, goals TO securebase_app;
GRANT SELECT, INSERT ON intake_versions, goal_status_changes TO securebase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON goal_readings TO securebase_app;

-- +goose Down
DROP TABLE goal_readings;
DROP TABLE goal_status_changes;
DROP TABLE goals;
DROP TABLE appointments;
DROP TABLE risk_flags;
DROP TABLE intake_versions;
DROP TABLE clients;
ALTER TABLE practices DROP COLUMN client_seq, DROP COLUMN time_zone;
