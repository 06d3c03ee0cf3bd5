-- 004: inquiries from the public contact form. R10: enrolment starts here,
-- with no account; the sender is not a person record yet (person_id is set
-- when enrolment makes them one). The coordinator's intake queue works them:
-- a handler (coordinator or CT), a status, notes, and the eligibility facts
-- the coordinator confirms (R1-R6, decided by domain/eligibility.c).

CREATE TABLE inquiry (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    reference TEXT NOT NULL UNIQUE,            -- 'INQ-2026-0042': shown to the sender
    name TEXT NOT NULL,
    email TEXT NOT NULL,                       -- stored lower-case
    school_id INTEGER REFERENCES school(id),   -- NULL: other / not listed
    school_other TEXT NOT NULL DEFAULT '',     -- the sender's words when not listed
    contact_by TEXT NOT NULL DEFAULT 'email',  -- email | phone | either
    phone TEXT NOT NULL DEFAULT '',
    interest TEXT NOT NULL,                    -- pa | par | consultancy | question
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new',        -- new | in_progress | closed
    close_reason TEXT NOT NULL DEFAULT '',     -- required when closed
    handler_id INTEGER REFERENCES person(id),  -- coordinator or CT; NULL: nobody yet
    address TEXT NOT NULL DEFAULT '',          -- the sender's address: rate limit
    -- Eligibility facts as the coordinator confirmed them; facts_at 0: not yet.
    facts_at INTEGER NOT NULL DEFAULT 0,
    facts_by INTEGER REFERENCES person(id),
    years_in_district INTEGER NOT NULL DEFAULT 0,
    plan_type TEXT NOT NULL DEFAULT '',        -- plan_type_key()
    plan_months INTEGER NOT NULL DEFAULT 0,
    rating TEXT NOT NULL DEFAULT '',           -- rating_key()
    union_member INTEGER NOT NULL DEFAULT 0,
    full_time INTEGER NOT NULL DEFAULT 0,
    job_type TEXT NOT NULL DEFAULT '',         -- job_type_key()
    person_id INTEGER REFERENCES person(id),   -- set at enrolment
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX inquiry_queue ON inquiry(program_id, status, created_at);
CREATE INDEX inquiry_handler ON inquiry(handler_id);
CREATE INDEX inquiry_address ON inquiry(address, created_at);

-- The handlers' notes on an inquiry; kept, never edited.
CREATE TABLE inquiry_note (
    id INTEGER PRIMARY KEY,
    inquiry_id INTEGER NOT NULL REFERENCES inquiry(id),
    author_id INTEGER REFERENCES person(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX inquiry_note_inquiry ON inquiry_note(inquiry_id);
