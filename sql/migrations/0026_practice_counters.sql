-- +goose Up
-- The next client number of each practice lives in its own distributed row instead of
-- practices.client_seq, so that adding a client never writes to a reference table.
-- practices.client_seq stays, unread by this release, for the previous release during a
-- rolling deploy; the next release's contract migration drops it (docs/migrations.md).
CREATE TABLE practice_counters (
    practice_id bigint  NOT NULL REFERENCES practices (id),
    client_seq  integer NOT NULL DEFAULT 0 CHECK (client_seq >= 0),
    PRIMARY KEY (practice_id)
);
INSERT INTO practice_counters (practice_id, client_seq) SELECT id, client_seq FROM practices;

REVOKE ALL ON practice_counters FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON practice_counters TO securebase_app;

-- A new practice's default markers are inserted by the store (CreatePractice), not by a
-- trigger on practices, a reference table. default_markers() and default_marker_client_label()
-- stay: the store reads them.
DROP TRIGGER practices_default_markers ON practices;
DROP FUNCTION seed_default_markers();

-- +goose Down
-- +goose StatementBegin
CREATE FUNCTION seed_default_markers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO markers (practice_id, label, client_label, sort_order)
    SELECT NEW.id, d.label, default_marker_client_label(d.label), d.sort_order FROM default_markers() d;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER practices_default_markers AFTER INSERT ON practices
    FOR EACH ROW EXECUTE FUNCTION seed_default_markers();
UPDATE practices p SET client_seq = greatest(p.client_seq, c.client_seq)
    FROM practice_counters c WHERE c.practice_id = p.id;
DROP TABLE practice_counters;
