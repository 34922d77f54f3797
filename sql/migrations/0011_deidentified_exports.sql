-- De-identified exports and clinical accuracy (issue 13).
--
-- practices.pseudonym_key keys the HMAC that names clients (C-...) and counsellors (T-...)
-- in de-identified files; it is made by the application (crypto/rand) on first use and
-- replaced when an admin rotates it, after which old and new files no longer link.
-- practices.export_first_year lets a practice add the year of each client's first
-- appointment to the caseload file (only when the file covers at least 11 clients).
-- practices.decimal_comma says how the practice writes numbers: 2,5 (true) or 2.5 (false).
-- goals.metric_code and goals.unit_code are the coded categories that de-identified files
-- carry instead of the counsellor's own words; goals written before them become 'other'.

-- +goose Up
ALTER TABLE practices ADD COLUMN pseudonym_key bytea CHECK (pseudonym_key IS NULL OR length(pseudonym_key) = 32),
    ADD COLUMN export_first_year boolean NOT NULL DEFAULT false,
    ADD COLUMN decimal_comma boolean NOT NULL DEFAULT false;

ALTER TABLE goals ADD COLUMN metric_code text NOT NULL DEFAULT '' CHECK (metric_code ~ '^[a-z0-9_]{0,40}$'),
    ADD COLUMN unit_code text NOT NULL DEFAULT '' CHECK (unit_code ~ '^[a-z0-9_]{0,40}$');
UPDATE goals SET metric_code = 'other' WHERE metric <> '';
UPDATE goals SET unit_code = 'other' WHERE unit <> '';

-- +goose Down
ALTER TABLE goals DROP COLUMN unit_code, DROP COLUMN metric_code;
ALTER TABLE practices DROP COLUMN decimal_comma, DROP COLUMN export_first_year, DROP COLUMN pseudonym_key;
