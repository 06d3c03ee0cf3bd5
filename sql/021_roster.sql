-- 021: a district's roster (issue 17). A person and a school remember the
-- roster's id for them (OneRoster's sourcedId), by which the next import
-- finds them again; a person whom a roster has named is rostered, and
-- becomes inactive when a later roster no longer names them (never
-- deleted: their records stay theirs, R37). People added by hand, whom no
-- roster named, are never made inactive by one.
ALTER TABLE person ADD COLUMN roster_id TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN rostered INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX person_roster_id ON person(program_id, roster_id) WHERE roster_id <> '';
ALTER TABLE school ADD COLUMN roster_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX school_roster_id ON school(program_id, roster_id) WHERE roster_id <> '';

-- A roster the coordinator uploaded, kept between its preview and its
-- apply (and no longer: applying it, or a day, removes it).
CREATE TABLE roster_upload (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    uploaded_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    users_name TEXT NOT NULL,
    users BLOB NOT NULL,
    orgs_name TEXT NOT NULL DEFAULT '',
    orgs BLOB
);
CREATE INDEX roster_upload_program ON roster_upload(program_id, created_at);
