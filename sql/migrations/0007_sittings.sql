-- +goose Up
-- One row per counsellor's ratings form that was saved: its request key makes a second
-- press of the same form (a double click, a resent request) record nothing twice.
CREATE TABLE sittings (
    practice_id  bigint      NOT NULL,
    recorded_by  bigint      NOT NULL,
    request_key  text        NOT NULL CHECK (length(request_key) BETWEEN 16 AND 64),
    client_id    bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, recorded_by, request_key),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE, -- goes with the record
    FOREIGN KEY (practice_id, recorded_by) REFERENCES users (practice_id, id)
);
CREATE INDEX sittings_client_idx ON sittings (practice_id, client_id);

REVOKE ALL ON sittings FROM PUBLIC;
GRANT SELECT, INSERT ON sittings TO securebase_app;

-- +goose Down
DROP TABLE sittings;
