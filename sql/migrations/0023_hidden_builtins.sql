-- +goose Up
-- Built-in homework templates a practice does not use (issue 20): an admin hides them, and
-- they leave the practice's library and the picker. Assignments already given keep their own
-- copy of the template, so hiding one never touches homework a client already has.
CREATE TABLE hidden_builtins (
    practice_id  bigint      NOT NULL REFERENCES practices (id),
    template_key text        NOT NULL CHECK (template_key ~ '^[a-z][a-z0-9_]{0,59}$'),
    hidden_by    bigint      NOT NULL,
    hidden_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, template_key),
    FOREIGN KEY (practice_id, hidden_by) REFERENCES users (practice_id, id)
);

REVOKE ALL ON hidden_builtins FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON hidden_builtins TO securebase_app;

-- +goose Down
DROP TABLE hidden_builtins;
