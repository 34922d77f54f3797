-- +goose Up
-- The client side, safe on a watched phone (issue 12).

-- A PIN guards what a client already wrote. It is hashed like a password (argon2id), and the
-- wrong tries are counted here, not in a server's memory, so two instances share the count.
-- Five wrong tries lock the earlier entries of that link until the counsellor re-issues it
-- (a new link row, with no PIN and no count).
ALTER TABLE client_links
    ADD COLUMN pin_hash      text,
    ADD COLUMN pin_set_at    timestamptz,
    ADD COLUMN pin_failures  integer NOT NULL DEFAULT 0 CHECK (pin_failures >= 0),
    ADD COLUMN pin_locked_at timestamptz,
    ADD CONSTRAINT client_links_pin_set CHECK ((pin_hash IS NULL) = (pin_set_at IS NULL));

-- Markers get the client's wording, apart from the clinical label staff see. A marker
-- without one is shown to the client under a plain numbered wording, never its label.
ALTER TABLE markers ADD COLUMN client_label text NOT NULL DEFAULT '' CHECK (length(client_label) <= 120);

-- +goose StatementBegin
CREATE FUNCTION default_marker_client_label(clinical text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE clinical
        WHEN 'Comfortable spending time alone' THEN 'I enjoy time on my own'
        WHEN 'Doesn''t panic when not hearing from the partner' THEN 'I stay settled when I don''t hear back for a while'
        WHEN 'Less jealous' THEN 'I feel at ease when the people close to me see others'
        WHEN 'Communicates clearly and calmly' THEN 'I say what I need calmly'
        WHEN 'Stops spiralling or assuming the worst during conflict' THEN 'In a disagreement I keep an open mind'
        WHEN 'Clear about own values, identity and self-worth' THEN 'I know what matters to me'
        WHEN 'Can face change in the relationship without fear' THEN 'I can take changes in my stride'
        ELSE ''
    END
$$;
-- +goose StatementEnd

UPDATE markers SET client_label = default_marker_client_label(label) WHERE client_label = '';

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION seed_default_markers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO markers (practice_id, label, client_label, sort_order)
    SELECT NEW.id, d.label, default_marker_client_label(d.label), d.sort_order FROM default_markers() d;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION seed_default_markers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO markers (practice_id, label, sort_order) SELECT NEW.id, d.label, d.sort_order FROM default_markers() d;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
DROP FUNCTION default_marker_client_label(text);
ALTER TABLE markers DROP COLUMN client_label;
ALTER TABLE client_links
    DROP CONSTRAINT client_links_pin_set,
    DROP COLUMN pin_locked_at,
    DROP COLUMN pin_failures,
    DROP COLUMN pin_set_at,
    DROP COLUMN pin_hash;
