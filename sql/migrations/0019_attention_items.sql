-- +goose Up
-- The attention queue (issue 16): one row per thing a client's counsellor should look at, written
-- by the store in the same transaction as the change that causes it and resolved in the same
-- transaction as the change that handles it. The dashboard reads the open rows; nothing is
-- worked out at read time. Time-based items need no job: their due_at is when they fall due
-- (a link's expiry, a goal's target date, an assignment's due date), and the reader compares it
-- with now.
--
-- kind and ref_id name the cause:
--   risk          a risk flag raised by hand or from the intake   ref: risk_flags.id
--   item_nine     a PHQ-9 item 9 answer above zero                ref: risk_flags.id
--   deterioration a reliable deterioration on a questionnaire     ref: measure_results.id (latest score)
--   marker_fall   a marker's last three ratings falling           ref: markers.id
--   review        a homework entry sent, not yet reviewed         ref: homework_entries.id
--   overdue       an assignment not done by its due date          ref: assignments.id
--   expiring      a client link that will expire                  ref: client_links.id
--   goal_due      an active goal's target date                    ref: goals.id
-- label is the short neutral name shown in the summary ("Daily tally", "PHQ-9"), kept with the
-- item so the reader needs no join per kind. Risk items cannot be snoozed.
CREATE TABLE attention_items (
    practice_id   bigint      NOT NULL REFERENCES practices (id),
    id            bigint GENERATED ALWAYS AS IDENTITY,
    counsellor_id bigint      NOT NULL,
    client_id     bigint      NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('risk', 'item_nine', 'deterioration', 'marker_fall',
                                                       'review', 'overdue', 'expiring', 'goal_due')),
    ref_id        bigint      NOT NULL,
    label         text        NOT NULL DEFAULT '' CHECK (length(label) <= 200),
    due_at        timestamptz NOT NULL,
    opened_at     timestamptz NOT NULL DEFAULT now(),
    resolved_at   timestamptz,
    snoozed_until timestamptz,
    snoozed_by    bigint,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id),
    FOREIGN KEY (practice_id, counsellor_id) REFERENCES users (practice_id, id),
    FOREIGN KEY (practice_id, snoozed_by) REFERENCES users (practice_id, id),
    CHECK (snoozed_until IS NULL OR kind NOT IN ('risk', 'item_nine')),
    CHECK ((snoozed_until IS NULL) = (snoozed_by IS NULL))
);
-- At most one open item per cause: writers insert with ON CONFLICT on this index, so two racing
-- writers leave one row.
CREATE UNIQUE INDEX attention_items_open_key ON attention_items (practice_id, client_id, kind, ref_id)
    WHERE resolved_at IS NULL;
-- The dashboard's read: a counsellor's (or the practice's) open items.
CREATE INDEX attention_items_queue_idx ON attention_items (practice_id, counsellor_id, due_at)
    WHERE resolved_at IS NULL;

REVOKE ALL ON attention_items FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON attention_items TO securebase_app;

-- +goose Down
DROP TABLE attention_items;
