-- 012 for PostgreSQL: credentials (see 012_credentials.sql).
ALTER TABLE api_token RENAME COLUMN label TO name;
ALTER TABLE api_token ADD COLUMN program_id BIGINT REFERENCES program(id);
ALTER TABLE api_token ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_token ADD COLUMN revoked_note TEXT NOT NULL DEFAULT '';
UPDATE api_token SET program_id = (SELECT p.program_id FROM person p WHERE p.id = api_token.person_id),
                     expires_at = created_at + 90 * 86400;
CREATE INDEX api_token_person ON api_token(person_id, program_id);

-- A person's credential generation: a password link names the generation it
-- was issued in and works only while it is the person's. Issuing a link,
-- using one, any new password and signing out everywhere move it on, so
-- an older link dies with them (finding 11). Links issued before this
-- migration (generation -1) no longer work: one could have been issued by
-- a coordinator for someone of another program (finding 1).
ALTER TABLE person ADD COLUMN credential_generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE password_reset ADD COLUMN generation BIGINT NOT NULL DEFAULT -1;

-- An email address is unique in its program; one address signs in one
-- person (finding 10; see 012_credentials.sql).
ALTER TABLE person DROP CONSTRAINT person_email_key;
CREATE UNIQUE INDEX person_email_program ON person(email, program_id);
CREATE UNIQUE INDEX person_sign_in ON person(email) WHERE password_hash IS NOT NULL;
