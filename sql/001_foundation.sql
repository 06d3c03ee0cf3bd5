-- 001: the program, its schools and people, their roles; sessions, tokens,
-- throttling, password resets and the audit chain.
-- Portable SQL: times are Unix seconds (INTEGER), dates 'YYYY-MM-DD' (TEXT),
-- booleans 0/1 (INTEGER).

CREATE TABLE program (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'America/New_York',
    created_at INTEGER NOT NULL
);

-- A program's settings (RULES.md defaults live in domain/settings.c; a row
-- here overrides one).
CREATE TABLE program_setting (
    program_id INTEGER NOT NULL REFERENCES program(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (program_id, key)
);

CREATE TABLE school (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (program_id, name),
    UNIQUE (program_id, code)
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,          -- stored lower-case
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
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_program_name ON person(program_id, name);
CREATE INDEX person_school ON person(school_id);

CREATE TABLE person_role (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    role TEXT NOT NULL,
    school_id INTEGER REFERENCES school(id),   -- administrator: the school
    seat TEXT NOT NULL DEFAULT '',             -- panel member: teacher|principal
    appointed_by TEXT NOT NULL DEFAULT '',     -- panel member
    term_start TEXT NOT NULL DEFAULT '',       -- panel member: YYYY-MM-DD
    term_end TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX person_role_person ON person_role(person_id);
CREATE INDEX person_role_role ON person_role(role);

CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    flash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_person ON session(person_id);

CREATE TABLE api_token (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    label TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    last_used INTEGER NOT NULL DEFAULT 0,
    revoked_at INTEGER NOT NULL DEFAULT 0
);

-- Failed logins per key ('account:EMAIL' or 'address:IP') in a window.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE password_reset (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL DEFAULT 0
);

-- R38: append-only. Each row carries the SHA-256 of the previous row and of
-- its own content; `parley audit verify` recomputes the chain.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_id INTEGER,                 -- NULL: the system or the command line
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,             -- create, update, delete, read, login...
    record_kind TEXT NOT NULL,        -- person, school, role, session...
    record_id INTEGER NOT NULL DEFAULT 0,
    subject_id INTEGER,               -- whose record it is about (R37)
    address TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit(subject_id);
CREATE INDEX audit_actor ON audit(actor_id);
CREATE INDEX audit_kind ON audit(record_kind, record_id);

-- The chain's head: a deleted tail is caught because the head still names it.
CREATE TABLE audit_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (one, last_id, last_hash) VALUES (1, 0, '');
