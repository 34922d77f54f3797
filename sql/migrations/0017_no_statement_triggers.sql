-- +goose Up
-- No statement-level triggers (issue 16): Citus cannot run them on distributed tables. The
-- counts kept on assignments (0008) and each client's last three ratings of each marker (0009)
-- are now written by the store, in the transaction of the change that affects them (see
-- recount-assignment-entries and insert-marker-trends in internal/store/queries). Writers
-- outside the store (bench/seed.sql, tests' raw SQL) recount after their changes.
DROP TRIGGER homework_entries_count_delete ON homework_entries;
DROP TRIGGER homework_entries_count_update ON homework_entries;
DROP TRIGGER homework_entries_count_insert ON homework_entries;
DROP FUNCTION assignment_entry_counts();
DROP TRIGGER marker_ratings_trend_delete ON marker_ratings;
DROP TRIGGER marker_ratings_trend_update ON marker_ratings;
DROP TRIGGER marker_ratings_trend_insert ON marker_ratings;
DROP FUNCTION marker_trends_refresh();

-- +goose Down
-- The triggers as 0008 and 0009 made them, after a recount of what they keep.
LOCK TABLE homework_entries IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE marker_ratings IN SHARE ROW EXCLUSIVE MODE;

UPDATE assignments a SET submitted_entries = coalesce(n.submitted, 0), reviewed_entries = coalesce(n.reviewed, 0),
    draft_entries = coalesce(n.drafts, 0)
FROM assignments a2 LEFT JOIN (SELECT practice_id, assignment_id,
        count(*) FILTER (WHERE status = 'submitted') AS submitted,
        count(*) FILTER (WHERE reviewed_at IS NOT NULL) AS reviewed,
        count(*) FILTER (WHERE status = 'draft') AS drafts
    FROM homework_entries GROUP BY practice_id, assignment_id) n ON n.practice_id = a2.practice_id AND n.assignment_id = a2.id
WHERE a.practice_id = a2.practice_id AND a.id = a2.id;

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

DELETE FROM marker_trends;
INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
SELECT practice_id, client_id, marker_id, count(*), (array_agg(value ORDER BY rated_on, id))[1],
    (array_agg(value ORDER BY rated_on DESC, id DESC))[1], max(rated_on)
FROM (SELECT practice_id, client_id, marker_id, value, rated_on, id,
        row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
    FROM marker_ratings) r
WHERE rn <= 3
GROUP BY practice_id, client_id, marker_id;

-- +goose StatementBegin
CREATE FUNCTION marker_trends_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    practice_ids bigint[];
    client_ids   bigint[];
    marker_ids   bigint[];
BEGIN
    -- The (client, marker) pairs the statement touched. Transition tables exist only for their
    -- operation, and PL/pgSQL plans a statement when it first runs, so each branch names its own.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(practice_id), array_agg(client_id), array_agg(marker_id) INTO practice_ids, client_ids, marker_ids
        FROM (SELECT DISTINCT practice_id, client_id, marker_id FROM new_rows) t;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(practice_id), array_agg(client_id), array_agg(marker_id) INTO practice_ids, client_ids, marker_ids
        FROM (SELECT DISTINCT practice_id, client_id, marker_id FROM old_rows) t;
    ELSE
        SELECT array_agg(practice_id), array_agg(client_id), array_agg(marker_id) INTO practice_ids, client_ids, marker_ids
        FROM (SELECT practice_id, client_id, marker_id FROM new_rows UNION SELECT practice_id, client_id, marker_id FROM old_rows) t;
    END IF;
    IF practice_ids IS NULL THEN
        RETURN NULL;
    END IF;
    -- Writers of the same client wait for each other here, so that the recount below, which
    -- takes a new snapshot, sees every rating committed before it. That holds at READ COMMITTED,
    -- the level every writer of ratings uses; a writer at REPEATABLE READ would recount from its
    -- own older snapshot (and could meet the other's row in the INSERT below).
    PERFORM 1 FROM clients c JOIN (SELECT DISTINCT p, cl FROM unnest(practice_ids, client_ids) AS t(p, cl)) t
        ON c.practice_id = t.p AND c.id = t.cl ORDER BY c.practice_id, c.id FOR NO KEY UPDATE OF c;
    DELETE FROM marker_trends m USING unnest(practice_ids, client_ids, marker_ids) AS t(p, cl, mk)
        WHERE m.practice_id = t.p AND m.client_id = t.cl AND m.marker_id = t.mk;
    -- A client deleted by this statement's cascade is gone from clients and gets no row.
    INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
    SELECT t.p, t.cl, t.mk, x.n, x.oldest, x.newest, x.newest_on
    FROM unnest(practice_ids, client_ids, marker_ids) AS t(p, cl, mk)
    JOIN clients c ON c.practice_id = t.p AND c.id = t.cl
    CROSS JOIN LATERAL (SELECT count(*) AS n, (array_agg(r.value ORDER BY r.rated_on, r.id))[1] AS oldest,
            (array_agg(r.value ORDER BY r.rated_on DESC, r.id DESC))[1] AS newest, max(r.rated_on) AS newest_on
        FROM (SELECT value, rated_on, id FROM marker_ratings
            WHERE practice_id = t.p AND client_id = t.cl AND marker_id = t.mk
            ORDER BY rated_on DESC, id DESC LIMIT 3) r) x
    WHERE x.n > 0;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER marker_ratings_trend_insert AFTER INSERT ON marker_ratings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marker_trends_refresh();
CREATE TRIGGER marker_ratings_trend_update AFTER UPDATE ON marker_ratings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marker_trends_refresh();
CREATE TRIGGER marker_ratings_trend_delete AFTER DELETE ON marker_ratings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION marker_trends_refresh();
