-- +goose Up
-- Entries awaiting review, oldest first across a whole practice: the admin's dashboard reads
-- its first twenty from here (a counsellor's come from homework_entries_awaiting_idx, by client).
CREATE INDEX homework_entries_awaiting_order_idx ON homework_entries (practice_id, submitted_at)
    WHERE status = 'submitted' AND reviewed_at IS NULL;

-- Each client's last three ratings of each marker, kept by the statement-level trigger below,
-- so that the dashboard's "markers down 2 or more over the last three ratings" reads one row
-- per client and marker (an index of the falling ones only) instead of every rating.
CREATE TABLE marker_trends (
    practice_id bigint  NOT NULL,
    client_id   bigint  NOT NULL,
    marker_id   bigint  NOT NULL,
    ratings     integer NOT NULL CHECK (ratings BETWEEN 1 AND 3), -- how many of the last three exist
    oldest      integer NOT NULL, -- the oldest of them
    newest      integer NOT NULL,
    newest_on   date    NOT NULL,
    PRIMARY KEY (practice_id, client_id, marker_id),
    FOREIGN KEY (practice_id, client_id) REFERENCES clients (practice_id, id) ON DELETE CASCADE,
    FOREIGN KEY (practice_id, marker_id) REFERENCES markers (practice_id, id)
);
CREATE INDEX marker_trends_falling_idx ON marker_trends (practice_id, client_id)
    WHERE ratings = 3 AND oldest - newest >= 2;

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

INSERT INTO marker_trends (practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
SELECT practice_id, client_id, marker_id, count(*), (array_agg(value ORDER BY rated_on, id))[1],
    (array_agg(value ORDER BY rated_on DESC, id DESC))[1], max(rated_on)
FROM (SELECT practice_id, client_id, marker_id, value, rated_on, id,
        row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
    FROM marker_ratings) r
WHERE rn <= 3
GROUP BY practice_id, client_id, marker_id;

REVOKE ALL ON marker_trends FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON marker_trends TO securebase_app;

-- +goose Down
DROP TRIGGER marker_ratings_trend_delete ON marker_ratings;
DROP TRIGGER marker_ratings_trend_update ON marker_ratings;
DROP TRIGGER marker_ratings_trend_insert ON marker_ratings;
DROP FUNCTION marker_trends_refresh();
DROP TABLE marker_trends;
DROP INDEX homework_entries_awaiting_order_idx;
