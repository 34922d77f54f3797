-- Two-factor sign-in: a TOTP secret per staff account (RFC 6238), the last time step
-- accepted (so a code cannot be replayed within its step), one-time recovery codes stored
-- only as SHA-256 hashes (each code carries 80 random bits), and a practice-wide requirement.

-- +goose Up
ALTER TABLE practices ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;

-- A row exists only once the user has confirmed a code: enrolment in progress lives in
-- the user's session. The secret must be readable to check codes, so it is not hashed.
CREATE TABLE two_factor (
    practice_id bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    totp_secret text        NOT NULL CHECK (length(totp_secret) BETWEEN 16 AND 128),
    last_step   bigint      NOT NULL,
    enabled_at  timestamptz NOT NULL,
    PRIMARY KEY (practice_id, user_id),
    UNIQUE (user_id),
    FOREIGN KEY (practice_id, user_id) REFERENCES users (practice_id, id)
);

CREATE TABLE recovery_codes (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    user_id     bigint      NOT NULL,
    code_hash   bytea       NOT NULL CHECK (length(code_hash) = 32),
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (user_id, code_hash),
    FOREIGN KEY (practice_id, user_id) REFERENCES two_factor (practice_id, user_id) ON DELETE CASCADE
);

REVOKE ALL ON two_factor, recovery_codes FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON two_factor, recovery_codes TO securebase_app;

-- +goose Down
DROP TABLE recovery_codes;
DROP TABLE two_factor;
ALTER TABLE practices DROP COLUMN require_two_factor;
