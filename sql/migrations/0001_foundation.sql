-- Foundation: practices, staff accounts, sign-in sessions, sign-in attempts and the audit log.
--
-- Two roles touch this schema. The role that runs these migrations owns every table.
-- The application connects as (or as a member of) securebase_app, which is never a
-- superuser and receives only the privileges granted here: in particular it may insert
-- into audit_log and read it, but never update or delete a row of it.

-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'securebase_app') THEN
        CREATE ROLE securebase_app NOLOGIN;
    END IF;
END
$$;
-- +goose StatementEnd

GRANT SELECT ON goose_db_version TO securebase_app;

CREATE TABLE practices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX practices_name_key ON practices (lower(name));

-- users.id is unique on its own (sign-in looks a user up by email before the practice
-- is known); (practice_id, id) is also unique so that tables of later migrations can
-- carry foreign keys that include practice_id.
CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    practice_id    bigint      NOT NULL REFERENCES practices (id),
    email          text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    role           text        NOT NULL CHECK (role IN ('admin', 'counsellor', 'supervisor')),
    password_hash  text        NOT NULL,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deactivated_at timestamptz,
    UNIQUE (practice_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Server-side sign-in sessions. The cookie carries a random token; only its SHA-256
-- is stored. user_id is copied out of the session data so that deactivating a user
-- can end all of their sessions with one statement.
CREATE TABLE sessions (
    token_hash  bytea       PRIMARY KEY,
    data        bytea       NOT NULL,
    expiry      timestamptz NOT NULL,
    practice_id bigint,
    user_id     bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (practice_id, user_id) REFERENCES users (practice_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE user_id IS NOT NULL;

-- Sign-in attempts, kept for throttling. The email is stored normalised (lower case)
-- whether or not an account exists, so that throttling reveals nothing.
CREATE TABLE login_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text        NOT NULL,
    ip           inet,
    succeeded    boolean     NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

-- The audit log is append-only: the app role may insert and read, and a trigger refuses
-- UPDATE and DELETE even to the owner (TRUNCATE is never granted).
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    practice_id   bigint REFERENCES practices (id),
    actor_user_id bigint,
    action        text        NOT NULL CHECK (length(action) BETWEEN 1 AND 80),
    entity_type   text        NOT NULL DEFAULT '',
    entity_id     text        NOT NULL DEFAULT '',
    client_id     bigint,
    ip            inet,
    request_id    text        NOT NULL DEFAULT '',
    outcome       text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    detail        text        NOT NULL DEFAULT '',
    FOREIGN KEY (practice_id, actor_user_id) REFERENCES users (practice_id, id)
);
CREATE INDEX audit_log_practice_idx ON audit_log (practice_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_client_idx ON audit_log (practice_id, client_id) WHERE client_id IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
-- +goose StatementEnd

CREATE TRIGGER audit_log_no_change
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

REVOKE ALL ON practices, users, sessions, login_attempts, audit_log FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON practices TO securebase_app;
GRANT SELECT, INSERT, UPDATE ON users TO securebase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO securebase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO securebase_app;
GRANT SELECT, INSERT ON audit_log TO securebase_app;

-- +goose Down
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE practices;
