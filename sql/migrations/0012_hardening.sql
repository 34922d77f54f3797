-- Hardening after an outside audit.
--
-- Sign-in throttling that cannot be turned on staff (OWASP's device cookies): a browser that
-- has signed in to an account holds a device cookie (only its SHA-256 is kept here) and keeps
-- trying normally; attempts from anywhere else ("strangers") are slowed down per email with a
-- growing delay, never locked out. The per-account lockout of login_attempts is no longer
-- applied to passwords (it still counts per IP, and per account for second-factor codes).
--
-- Second factors encrypted at rest: totp_secret now holds a sealed value (AES-GCM, with the
-- key id in front), so its length check widens.

-- +goose Up
CREATE TABLE login_throttles (
    email           text        PRIMARY KEY,
    failures        integer     NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    not_before      timestamptz NOT NULL
);

CREATE TABLE known_devices (
    practice_id     bigint      NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    user_id         bigint      NOT NULL,
    token_hash      bytea       NOT NULL CHECK (length(token_hash) = 32),
    failures        integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failure_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (token_hash, user_id), -- a shared browser is known to each account signed in from it
    FOREIGN KEY (practice_id, user_id) REFERENCES users (practice_id, id)
);
CREATE INDEX known_devices_user_idx ON known_devices (practice_id, user_id);

ALTER TABLE two_factor DROP CONSTRAINT two_factor_totp_secret_check;
ALTER TABLE two_factor ADD CONSTRAINT two_factor_totp_secret_check CHECK (length(totp_secret) BETWEEN 16 AND 512);

REVOKE ALL ON login_throttles, known_devices FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttles, known_devices TO securebase_app;

-- +goose Down
ALTER TABLE two_factor DROP CONSTRAINT two_factor_totp_secret_check;
ALTER TABLE two_factor ADD CONSTRAINT two_factor_totp_secret_check CHECK (length(totp_secret) BETWEEN 16 AND 128);
DROP TABLE known_devices;
DROP TABLE login_throttles;
