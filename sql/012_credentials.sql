-- 012: credentials (issue 15).
--
-- API tokens have a name (what they are for), act in the program they were
-- made in, expire (at most the program's api_token_days), record when they
-- were last used, and say why they were revoked: by their owner or the
-- coordinator, or all at once by signing out everywhere or a new password.
-- Tokens made before this expire 90 days after they were made.
ALTER TABLE api_token RENAME COLUMN label TO name;
ALTER TABLE api_token ADD COLUMN program_id INTEGER REFERENCES program(id);
ALTER TABLE api_token ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
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
ALTER TABLE password_reset ADD COLUMN generation INTEGER NOT NULL DEFAULT -1;

-- An email address is unique in its program, no longer across programs, so
-- that adding a person tells a program nothing about another's people: the
-- district learns nothing of who has a federation account (finding 10). One
-- address still signs in one person: at most one person with it holds a
-- password (person_sign_in), so sign-in by email stays unambiguous.
--
-- SQLite cannot drop a column's UNIQUE: the table is built again (with the
-- credential generation above as a new column), in the order SQLite's
-- documentation gives; migrations run with foreign keys off and are
-- checked before they commit (store/sqlite.c). person_new holds the 15
-- columns person has here: a column another migration adds to person
-- before this one must be added to person_new too, or this check stops
-- the migration rather than drop the column's data.
CREATE TEMP TABLE person_columns (n INTEGER CHECK (n = 15));
INSERT INTO person_columns SELECT COUNT(*) FROM pragma_table_info('person');
DROP TABLE person_columns;
CREATE TABLE person_new (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,                 -- stored lower-case; unique in its program
    employee_id TEXT NOT NULL DEFAULT '',
    school_id INTEGER REFERENCES school(id),
    union_member INTEGER NOT NULL DEFAULT 0,
    full_time INTEGER NOT NULL DEFAULT 1,
    years_in_district INTEGER NOT NULL DEFAULT 0,
    job_type TEXT NOT NULL DEFAULT 'classroom_teacher',
    password_hash TEXT,                  -- argon2id; NULL: cannot log in
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    credential_generation INTEGER NOT NULL DEFAULT 0
);
INSERT INTO person_new (id, program_id, name, email, employee_id, school_id, union_member,
                        full_time, years_in_district, job_type, password_hash, active,
                        created_at, updated_at, version)
    SELECT id, program_id, name, email, employee_id, school_id, union_member, full_time,
           years_in_district, job_type, password_hash, active, created_at, updated_at, version
    FROM person;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE INDEX person_program_name ON person(program_id, name);
CREATE INDEX person_school ON person(school_id);
CREATE UNIQUE INDEX person_email_program ON person(email, program_id);
CREATE UNIQUE INDEX person_sign_in ON person(email) WHERE password_hash IS NOT NULL;
