-- +goose Up
-- Every audit_log row now belongs to a practice, so that the log can be distributed by
-- practice_id (docs/scale-out.md): events of no practice (a sign-in with an unknown email, a
-- throttled one) go to audit_log_unscoped, a local table that stays on the coordinator.
-- Append-only like audit_log, through the same row trigger.
CREATE TABLE audit_log_unscoped (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    action        text        NOT NULL CHECK (length(action) BETWEEN 1 AND 80),
    entity_type   text        NOT NULL DEFAULT '',
    entity_id     text        NOT NULL DEFAULT '',
    ip            inet,
    request_id    text        NOT NULL DEFAULT '',
    outcome       text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    detail        text        NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_unscoped_occurred_idx ON audit_log_unscoped (occurred_at);

CREATE TRIGGER audit_log_unscoped_no_change
    BEFORE UPDATE OR DELETE ON audit_log_unscoped
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

REVOKE ALL ON audit_log_unscoped FROM PUBLIC;
GRANT SELECT, INSERT ON audit_log_unscoped TO securebase_app;

-- The rows of no practice move, in the order they were written; the append-only trigger
-- steps aside for this one move, inside the migration's transaction.
INSERT INTO audit_log_unscoped (occurred_at, action, entity_type, entity_id, ip, request_id, outcome, detail)
    SELECT occurred_at, action, entity_type, entity_id, ip, request_id, outcome, detail
    FROM audit_log WHERE practice_id IS NULL ORDER BY id;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
DELETE FROM audit_log WHERE practice_id IS NULL;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

-- The distribution column is never NULL and leads the primary key.
ALTER TABLE audit_log ALTER COLUMN practice_id SET NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (practice_id, id);

-- Until the next release's contract migration drops it: the previous release, still serving
-- during a rolling deploy, writes an event of no practice to audit_log; this row trigger moves
-- it to audit_log_unscoped instead of failing the NOT NULL above. It writes another table, so
-- it must be gone before the tables are distributed (docs/migrations.md, docs/scale-out.md).
-- +goose StatementBegin
CREATE FUNCTION audit_log_route_unscoped() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.practice_id IS NOT NULL THEN
        RETURN NEW;
    END IF;
    INSERT INTO audit_log_unscoped (occurred_at, action, entity_type, entity_id, ip, request_id, outcome, detail)
        VALUES (NEW.occurred_at, NEW.action, NEW.entity_type, NEW.entity_id, NEW.ip, NEW.request_id, NEW.outcome, NEW.detail);
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_log_route_unscoped
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_route_unscoped();

-- +goose Down
DROP TRIGGER audit_log_route_unscoped ON audit_log;
DROP FUNCTION audit_log_route_unscoped();
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE audit_log ALTER COLUMN practice_id DROP NOT NULL;
INSERT INTO audit_log (occurred_at, action, entity_type, entity_id, ip, request_id, outcome, detail)
    SELECT occurred_at, action, entity_type, entity_id, ip, request_id, outcome, detail
    FROM audit_log_unscoped ORDER BY id;
DROP TABLE audit_log_unscoped;
