-- +goose Up
-- Measurement plans (issue 18): a client's check-ins on a schedule. The plan holds the rule
-- (measures.Plan works out the dates); a check-in row is made for each occurrence once it has
-- fallen due (checkins.planned_on), the first time anything reads what is due for the client,
-- so nothing runs as a job and a missed one is a row the counsellor can see.
--   schedule  part -> frequency: {"markers": "weekly", "phq9": "fortnightly", "gad7": "appointment"}
--   pauses    [{"from": date, "to": date or zero}], written when the client is paused and resumed
--   ended_on  the day of discharge: nothing falls due from it
CREATE TABLE measurement_plans (
    practice_id bigint      NOT NULL,
    client_id   bigint      NOT NULL,
    starts_on   date        NOT NULL,
    schedule    jsonb       NOT NULL CHECK (jsonb_typeof(schedule) = 'object'),
    pauses      jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pauses) = 'array'),
    ended_on    date,
    set_by      bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, client_id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    FOREIGN KEY (practice_id, set_by) REFERENCES users (practice_id, id)
);
REVOKE ALL ON measurement_plans FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_plans TO securebase_app;

-- A check-in made by the plan carries the date it fell due; one per client and date.
ALTER TABLE checkins ADD COLUMN planned_on date;
CREATE UNIQUE INDEX checkins_planned_key ON checkins (practice_id, client_id, planned_on) WHERE planned_on IS NOT NULL;

-- The practice's default plan for new clients ('{}': none) and the over-use threshold: more
-- entries than this in one day, beyond those assigned for the day, shows a quiet note.
ALTER TABLE practices
    ADD COLUMN default_plan jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(default_plan) = 'object'),
    ADD COLUMN overuse_threshold integer NOT NULL DEFAULT 5 CHECK (overuse_threshold BETWEEN 1 AND 50);

-- A gap in a plan: a scheduled check-in that lapsed unanswered.  ref: checkins.id
ALTER TABLE attention_items DROP CONSTRAINT attention_items_kind_check,
    ADD CONSTRAINT attention_items_kind_check CHECK (kind IN ('risk', 'item_nine', 'deterioration', 'marker_fall',
        'review', 'overdue', 'expiring', 'goal_due', 'missed_checkin'));

-- +goose Down
DELETE FROM attention_items WHERE kind = 'missed_checkin';
ALTER TABLE attention_items DROP CONSTRAINT attention_items_kind_check,
    ADD CONSTRAINT attention_items_kind_check CHECK (kind IN ('risk', 'item_nine', 'deterioration', 'marker_fall',
        'review', 'overdue', 'expiring', 'goal_due'));
ALTER TABLE practices DROP COLUMN overuse_threshold, DROP COLUMN default_plan;
DROP INDEX checkins_planned_key;
ALTER TABLE checkins DROP COLUMN planned_on;
DROP TABLE measurement_plans;
