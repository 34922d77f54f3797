-- The audit log stays append-only for its owner too, through a row-level trigger instead of a
-- statement-level one: Citus runs no statement-level trigger on a distributed table. The app
-- role could never change it (it holds only SELECT and INSERT). A statement that touches no
-- row now passes, and changes nothing.

-- +goose Up
DROP TRIGGER audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- +goose Down
DROP TRIGGER audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
