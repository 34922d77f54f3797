-- +goose Up
-- A practice's own wording of the built-in homework templates (issue 12): an admin edits both
-- wordings of any question, hint or option, the clinical one staff read and the neutral one the
-- client reads. texts maps a stable path ("fields.checks.label") to [staff, client]; texts the
-- admin did not change keep the built-in's wording.
CREATE TABLE builtin_wordings (
    practice_id  bigint      NOT NULL REFERENCES practices (id),
    template_key text        NOT NULL CHECK (template_key ~ '^[a-z][a-z0-9_]{0,59}$'),
    texts        jsonb       NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
    updated_by   bigint      NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, template_key),
    FOREIGN KEY (practice_id, updated_by) REFERENCES users (practice_id, id)
);

REVOKE ALL ON builtin_wordings FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON builtin_wordings TO securebase_app;

-- +goose Down
DROP TABLE builtin_wordings;
