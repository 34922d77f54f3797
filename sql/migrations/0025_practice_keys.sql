-- +goose Up
-- Unique keys of tables distributed by practice_id include practice_id (docs/scale-out.md).

-- A second factor's user already belongs to one practice: the primary key (practice_id,
-- user_id) says all that UNIQUE (user_id) said.
ALTER TABLE two_factor DROP CONSTRAINT two_factor_user_id_key;

ALTER TABLE recovery_codes DROP CONSTRAINT recovery_codes_user_id_code_hash_key;
ALTER TABLE recovery_codes ADD UNIQUE (practice_id, user_id, code_hash);

-- A client link's token is unique within its practice. The plain index on token_hash serves
-- links the previous release issued without a route (below) during a rolling deploy; the
-- contract migration of the next release drops it (docs/migrations.md).
CREATE UNIQUE INDEX client_links_practice_token_key ON client_links (practice_id, token_hash);
DROP INDEX client_links_token_key;
CREATE INDEX client_links_token_idx ON client_links (token_hash);

-- Where a link's token leads: a local table on the coordinator, so that opening a link asks
-- one shard (that of the practice) and the token itself names no practice. It holds no
-- client data: a token's hash and a practice id.
CREATE TABLE client_link_routes (
    token_hash  bytea  PRIMARY KEY CHECK (length(token_hash) = 32),
    practice_id bigint NOT NULL REFERENCES practices (id)
);
INSERT INTO client_link_routes (token_hash, practice_id)
    SELECT token_hash, practice_id FROM client_links;

REVOKE ALL ON client_link_routes FROM PUBLIC;
GRANT SELECT, INSERT ON client_link_routes TO securebase_app;

-- +goose Down
DROP TABLE client_link_routes;
DROP INDEX client_links_token_idx;
CREATE UNIQUE INDEX client_links_token_key ON client_links (token_hash);
DROP INDEX client_links_practice_token_key;
ALTER TABLE recovery_codes DROP CONSTRAINT recovery_codes_practice_id_user_id_code_hash_key;
ALTER TABLE recovery_codes ADD UNIQUE (user_id, code_hash);
ALTER TABLE two_factor ADD UNIQUE (user_id);
