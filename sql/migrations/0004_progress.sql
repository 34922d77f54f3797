-- Progress: per-practice markers (rated 0-10), their ratings, questionnaire results,
-- event notes for charts, check-in links (client links that open a check-in instead of
-- homework), supervision links, and each practice's reliable-change conventions.

-- +goose Up
ALTER TABLE practices ADD COLUMN measure_conventions jsonb NOT NULL DEFAULT '{}';

CREATE TABLE markers (
    practice_id bigint      NOT NULL REFERENCES practices (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    label       text        NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    sort_order    integer     NOT NULL DEFAULT 0,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id)
);

-- Every practice starts with the seven markers of the domain: one list, used for the
-- practices that exist now and, through a trigger, for every new one.
-- +goose StatementBegin
CREATE FUNCTION default_markers() RETURNS TABLE (label text, sort_order integer)
LANGUAGE sql IMMUTABLE AS $$
    VALUES
        ('Comfortable spending time alone', 1),
        ('Doesn''t panic when not hearing from the partner', 2),
        ('Less jealous', 3),
        ('Communicates clearly and calmly', 4),
        ('Stops spiralling or assuming the worst during conflict', 5),
        ('Clear about own values, identity and self-worth', 6),
        ('Can face change in the relationship without fear', 7)
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION seed_default_markers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO markers (practice_id, label, sort_order) SELECT NEW.id, d.label, d.sort_order FROM default_markers() d;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER practices_default_markers AFTER INSERT ON practices
    FOR EACH ROW EXECUTE FUNCTION seed_default_markers();

INSERT INTO markers (practice_id, label, sort_order)
SELECT p.id, d.label, d.sort_order FROM practices p CROSS JOIN default_markers() d;

CREATE TABLE checkins (
    practice_id    bigint      NOT NULL,
    id             bigint GENERATED ALWAYS AS IDENTITY,
    client_id      bigint      NOT NULL,
    with_markers   boolean     NOT NULL,
    measures       text[]      NOT NULL DEFAULT '{}',
    due_date       date        NOT NULL,
    request_key    text        NOT NULL CHECK (length(request_key) BETWEEN 16 AND 64),
    completed_at   timestamptz,
    revoked_at     timestamptz,
    created_by     bigint      NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    UNIQUE (practice_id, created_by, request_key),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id),
    CHECK (with_markers OR cardinality(measures) > 0)
);

-- A client link opens either a homework assignment or a check-in.
ALTER TABLE client_links ALTER COLUMN assignment_id DROP NOT NULL;
ALTER TABLE client_links ADD COLUMN checkin_id bigint;
ALTER TABLE client_links ADD FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id);
ALTER TABLE client_links ADD CHECK ((assignment_id IS NULL) <> (checkin_id IS NULL));
CREATE UNIQUE INDEX client_links_live_checkin_key ON client_links (practice_id, checkin_id) WHERE revoked_at IS NULL AND checkin_id IS NOT NULL;

CREATE TABLE marker_ratings (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    client_id   bigint      NOT NULL,
    marker_id   bigint      NOT NULL,
    rated_on    date        NOT NULL,
    value       integer     NOT NULL CHECK (value BETWEEN 0 AND 10),
    source      text        NOT NULL CHECK (source IN ('counsellor', 'client')),
    checkin_id  bigint,
    recorded_by bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, marker_id) REFERENCES markers (practice_id, id),
    FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id),
    FOREIGN KEY (practice_id, recorded_by) REFERENCES users (practice_id, id)
);
CREATE INDEX marker_ratings_client_idx ON marker_ratings (practice_id, client_id, marker_id, rated_on);

CREATE TABLE measure_results (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    client_id   bigint      NOT NULL,
    measure_key text        NOT NULL,
    taken_on    date        NOT NULL,
    total       integer     NOT NULL CHECK (total >= 0),
    answers     jsonb       NOT NULL DEFAULT '{}',
    risk_raised boolean     NOT NULL DEFAULT false,
    source      text        NOT NULL CHECK (source IN ('counsellor', 'client')),
    checkin_id  bigint,
    recorded_by bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, checkin_id) REFERENCES checkins (practice_id, id),
    FOREIGN KEY (practice_id, recorded_by) REFERENCES users (practice_id, id)
);
CREATE INDEX measure_results_client_idx ON measure_results (practice_id, client_id, measure_key, taken_on);

CREATE TABLE event_notes (
    practice_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    client_id   bigint      NOT NULL,
    noted_on    date        NOT NULL,
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 120),
    created_by  bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, created_by) REFERENCES users (practice_id, id)
);

-- At most one open flag per client and source: a new raise updates the open flag's summary.
CREATE UNIQUE INDEX risk_flags_open_source_key ON risk_flags (practice_id, client_id, source) WHERE cleared_at IS NULL;

-- Which counsellors each supervisor supervises (set by an admin).
CREATE TABLE supervision (
    practice_id   bigint      NOT NULL,
    supervisor_id bigint      NOT NULL,
    counsellor_id bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, supervisor_id, counsellor_id),
    FOREIGN KEY (practice_id, supervisor_id) REFERENCES users (practice_id, id),
    FOREIGN KEY (practice_id, counsellor_id) REFERENCES users (practice_id, id)
);

REVOKE ALL ON markers, checkins, marker_ratings, measure_results, event_notes, supervision FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON markers, checkins, marker_ratings, measure_results, event_notes TO securebase_app;
GRANT SELECT, INSERT, DELETE ON supervision TO securebase_app;

-- +goose Down
DROP TABLE supervision;
DROP TABLE event_notes;
DROP TABLE measure_results;
DROP TABLE marker_ratings;
DROP INDEX risk_flags_open_source_key;
DELETE FROM client_links WHERE checkin_id IS NOT NULL;
DROP INDEX client_links_live_checkin_key;
ALTER TABLE client_links DROP COLUMN checkin_id;
ALTER TABLE client_links ALTER COLUMN assignment_id SET NOT NULL;
DROP TABLE checkins;
DROP TRIGGER practices_default_markers ON practices;
DROP FUNCTION seed_default_markers();
DROP FUNCTION default_markers();
DROP TABLE markers;
ALTER TABLE practices DROP COLUMN measure_conventions;
