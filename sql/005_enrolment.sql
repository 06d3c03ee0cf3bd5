-- 005: a teacher's case from the inquiry to the caseload (R7, R8, R10-R13,
-- R30), the case's timeline of events (R37) and each person's in-app
-- notifications. The states and transitions are domain/workflow.c's table;
-- state holds a case_state_key(). Dates are 'YYYY-MM-DD', meeting times the
-- program's local 'YYYY-MM-DD HH:MM' as agreed with the teacher.

CREATE TABLE teacher_case (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    inquiry_id INTEGER NOT NULL UNIQUE REFERENCES inquiry(id),  -- R8: the teacher's own request
    teacher_id INTEGER NOT NULL REFERENCES person(id),
    state TEXT NOT NULL,
    track TEXT NOT NULL DEFAULT '',            -- pa | par | consultancy; '' not chosen
    ct_id INTEGER REFERENCES person(id),       -- met at the initial meeting, then assigned
    union_rep_id INTEGER REFERENCES person(id),
    meeting_at TEXT NOT NULL DEFAULT '',
    meeting_place TEXT NOT NULL DEFAULT '',
    review_at TEXT NOT NULL DEFAULT '',        -- PAR: the agreement review (R11)
    review_place TEXT NOT NULL DEFAULT '',
    teacher_signed_at INTEGER NOT NULL DEFAULT 0,
    rep_signed_at INTEGER NOT NULL DEFAULT 0,
    rep_signed_by INTEGER REFERENCES person(id),
    -- the eligibility facts the track was checked with (R1-R6)
    facts TEXT NOT NULL DEFAULT '',
    -- R12, R13: the cycle's timeline, set by the administrator
    cycle_start TEXT NOT NULL DEFAULT '',
    cycle_end TEXT NOT NULL DEFAULT '',
    plan_type TEXT NOT NULL DEFAULT '',
    plan_months INTEGER NOT NULL DEFAULT 0,
    timeline_by INTEGER REFERENCES person(id),
    timeline_at INTEGER NOT NULL DEFAULT 0,
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX teacher_case_teacher ON teacher_case(teacher_id);
CREATE INDEX teacher_case_ct ON teacher_case(ct_id, state);
CREATE INDEX teacher_case_state ON teacher_case(program_id, state);

-- Every step, as it happened (R37); kept, never edited.
CREATE TABLE case_event (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES person(id),    -- NULL: the command line
    actor_label TEXT NOT NULL,
    transition TEXT NOT NULL,                  -- a transition_def key
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX case_event_case ON case_event(case_id, at);

-- In-app notifications: one inbox per person.
CREATE TABLE notification (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    case_id INTEGER REFERENCES teacher_case(id),
    at INTEGER NOT NULL,
    message TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    read_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notification_inbox ON notification(person_id, read_at, at);
