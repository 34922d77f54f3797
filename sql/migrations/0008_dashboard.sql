-- +goose Up
-- What the dashboard and the client page ask of every assignment (how many entries are
-- submitted, reviewed, in draft) is kept on the assignment itself by the statement-level
-- triggers below, so that neither counts a client's entries on every page view, and the
-- overdue list can use an index of the unfinished assignments only. The make bench-http
-- profile found these counts and the whole-practice scans behind the dashboard's lists.
-- No entry may change between the counting below and the triggers' creation (a review does not
-- touch assignments, so the ALTER's lock alone would not hold it back).
LOCK TABLE homework_entries IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE assignments
    ADD COLUMN submitted_entries integer NOT NULL DEFAULT 0,
    ADD COLUMN reviewed_entries  integer NOT NULL DEFAULT 0,
    ADD COLUMN draft_entries     integer NOT NULL DEFAULT 0;

UPDATE assignments a SET submitted_entries = n.submitted, reviewed_entries = n.reviewed, draft_entries = n.drafts
FROM (SELECT practice_id, assignment_id,
        count(*) FILTER (WHERE status = 'submitted') AS submitted,
        count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed,
        count(*) FILTER (WHERE status = 'draft') AS drafts
    FROM homework_entries GROUP BY practice_id, assignment_id) n
WHERE a.practice_id = n.practice_id AND a.id = n.assignment_id;

-- +goose StatementBegin
CREATE FUNCTION assignment_entry_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Each statement adds its new rows' counts and takes away its old rows' (an UPDATE has
    -- both), once per assignment touched. Transition tables exist only for their operation,
    -- and PL/pgSQL plans a statement when it first runs, so each branch names only its own.
    IF TG_OP = 'INSERT' THEN
        UPDATE assignments a SET submitted_entries = a.submitted_entries + d.submitted,
            reviewed_entries = a.reviewed_entries + d.reviewed, draft_entries = a.draft_entries + d.drafts
        FROM (SELECT practice_id, assignment_id, count(*) FILTER (WHERE status = 'submitted') AS submitted,
                count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed, count(*) FILTER (WHERE status = 'draft') AS drafts
            FROM new_rows GROUP BY practice_id, assignment_id) d
        WHERE a.practice_id = d.practice_id AND a.id = d.assignment_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE assignments a SET submitted_entries = a.submitted_entries - d.submitted,
            reviewed_entries = a.reviewed_entries - d.reviewed, draft_entries = a.draft_entries - d.drafts
        FROM (SELECT practice_id, assignment_id, count(*) FILTER (WHERE status = 'submitted') AS submitted,
                count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed, count(*) FILTER (WHERE status = 'draft') AS drafts
            FROM old_rows GROUP BY practice_id, assignment_id) d
        WHERE a.practice_id = d.practice_id AND a.id = d.assignment_id;
    ELSE
        UPDATE assignments a SET submitted_entries = a.submitted_entries + d.submitted,
            reviewed_entries = a.reviewed_entries + d.reviewed, draft_entries = a.draft_entries + d.drafts
        FROM (SELECT practice_id, assignment_id, sum(submitted) AS submitted, sum(reviewed) AS reviewed, sum(drafts) AS drafts
            FROM (SELECT practice_id, assignment_id, (status = 'submitted')::int AS submitted,
                        (reviewed_at IS NOT NULL)::int AS reviewed, (status = 'draft')::int AS drafts FROM new_rows
                    UNION ALL
                    SELECT practice_id, assignment_id, -(status = 'submitted')::int, -(reviewed_at IS NOT NULL)::int,
                        -(status = 'draft')::int FROM old_rows) x
            GROUP BY practice_id, assignment_id) d
        WHERE a.practice_id = d.practice_id AND a.id = d.assignment_id
            AND (d.submitted <> 0 OR d.reviewed <> 0 OR d.drafts <> 0);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER homework_entries_count_insert AFTER INSERT ON homework_entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignment_entry_counts();
CREATE TRIGGER homework_entries_count_update AFTER UPDATE ON homework_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignment_entry_counts();
CREATE TRIGGER homework_entries_count_delete AFTER DELETE ON homework_entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignment_entry_counts();

-- Overdue: open assignments with fewer submitted entries than their days. Finished ones,
-- nearly all of a practice's history, are not in this index at all.
CREATE INDEX assignments_unfinished_idx ON assignments (practice_id, due_date)
    WHERE revoked_at IS NULL AND submitted_entries < CASE cadence WHEN 'once' THEN 1 ELSE due_date - start_date + 1 END;

-- Awaiting review, per client; and recent activity, newest first, without sorting the practice.
CREATE INDEX homework_entries_awaiting_idx ON homework_entries (practice_id, client_id, submitted_at)
    WHERE status = 'submitted' AND reviewed_at IS NULL;
CREATE INDEX homework_entries_recent_idx ON homework_entries (practice_id, submitted_at DESC)
    WHERE status = 'submitted';
CREATE INDEX checkins_recent_idx ON checkins (practice_id, completed_at DESC) WHERE completed_at IS NOT NULL;

-- A marker's last three ratings of a client, read backwards from this index (newest first, id
-- breaking ties) instead of ranking every rating in the practice.
CREATE INDEX marker_ratings_latest_idx ON marker_ratings (practice_id, client_id, marker_id, rated_on, id);
DROP INDEX marker_ratings_client_idx;

-- +goose Down
CREATE INDEX marker_ratings_client_idx ON marker_ratings (practice_id, client_id, marker_id, rated_on);
DROP INDEX marker_ratings_latest_idx;
DROP INDEX checkins_recent_idx;
DROP INDEX homework_entries_recent_idx;
DROP INDEX homework_entries_awaiting_idx;
DROP INDEX assignments_unfinished_idx;
DROP TRIGGER homework_entries_count_delete ON homework_entries;
DROP TRIGGER homework_entries_count_update ON homework_entries;
DROP TRIGGER homework_entries_count_insert ON homework_entries;
DROP FUNCTION assignment_entry_counts();
ALTER TABLE assignments DROP COLUMN draft_entries, DROP COLUMN reviewed_entries, DROP COLUMN submitted_entries;
