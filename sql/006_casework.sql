-- 006: the work of the cycle (R14-R19, R30, R37): the program's rubric as
-- data, the teacher's self-assessment and goals, the goals bank,
-- observations, artifacts, the evidence tagged to the rubric's indicators,
-- the coaching log, the parley meetings, and each person's calendar feed.
-- Dates are 'YYYY-MM-DD'; meeting times the program's local
-- 'YYYY-MM-DD HH:MM'. Who may see which of these is the policy table's
-- (R16: nothing of a PA case reaches an evaluator).

-- The rubric: standards and their indicators (the Massachusetts teacher
-- rubric is seeded for a new program; the coordinator may edit it).
CREATE TABLE rubric_standard (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    code TEXT NOT NULL,                        -- 'I', 'II'...
    title TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (program_id, code)
);
CREATE TABLE rubric_indicator (
    id INTEGER PRIMARY KEY,
    standard_id INTEGER NOT NULL REFERENCES rubric_standard(id),
    code TEXT NOT NULL,                        -- 'I-A'
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,        -- kept for the evidence tagged to it
    UNIQUE (standard_id, code)
);

-- The teacher's self-assessment against each standard (R19).
CREATE TABLE self_assessment (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    standard_id INTEGER NOT NULL REFERENCES rubric_standard(id),
    strengths TEXT NOT NULL DEFAULT '',
    growth_areas TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    UNIQUE (case_id, standard_id)
);

-- Goals the coordinator keeps for teachers and CTs to start from.
CREATE TABLE goal_bank (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    kind TEXT NOT NULL,                        -- practice | student_learning
    title TEXT NOT NULL,
    specific TEXT NOT NULL,
    measure TEXT NOT NULL,
    actions TEXT NOT NULL DEFAULT '',
    indicator_id INTEGER REFERENCES rubric_indicator(id),
    retired INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- A case's goals (R19): SMART fields; the primary evaluator approves them.
CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    kind TEXT NOT NULL,                        -- practice | student_learning
    title TEXT NOT NULL,
    specific TEXT NOT NULL,                    -- S: what, for whom
    measure TEXT NOT NULL,                     -- M: how progress is measured
    actions TEXT NOT NULL DEFAULT '',          -- A: the steps and supports
    due_on TEXT NOT NULL,                      -- T: by when
    indicator_id INTEGER REFERENCES rubric_indicator(id),
    bank_id INTEGER REFERENCES goal_bank(id),
    status TEXT NOT NULL DEFAULT 'draft',      -- draft | proposed | approved | returned
    status_note TEXT NOT NULL DEFAULT '',      -- why it was returned
    approved_by INTEGER REFERENCES person(id),
    approved_at INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goal_case ON goal(case_id, kind);

-- An observation (R18, R19). observers: ct | administrator | joint.
-- draft_key: the form's own key, so that a save retried after a dropped
-- connection updates the draft instead of making a second one.
CREATE TABLE observation (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    draft_key TEXT NOT NULL,
    announced INTEGER NOT NULL DEFAULT 1,
    observed_on TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    observers TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    feedback TEXT NOT NULL DEFAULT '',
    feedback_shared_at INTEGER NOT NULL DEFAULT 0,   -- 0: not shared with the teacher yet
    reflection TEXT NOT NULL DEFAULT '',             -- the teacher's
    reflection_at INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, draft_key)
);
CREATE INDEX observation_case ON observation(case_id, observed_on);

-- A document a teacher, CT or administrator adds to the case (R15). Its
-- bytes are in artifact_file, base64, as resource_file's are.
CREATE TABLE artifact (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,                  -- from the content, never the browser's word
    size INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX artifact_case ON artifact(case_id, created_at);
CREATE TABLE artifact_file (
    artifact_id INTEGER PRIMARY KEY REFERENCES artifact(id),
    content TEXT NOT NULL
);

-- Evidence: an observation's or an artifact's link to an indicator (R19).
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    indicator_id INTEGER NOT NULL REFERENCES rubric_indicator(id),
    observation_id INTEGER REFERENCES observation(id),
    artifact_id INTEGER REFERENCES artifact(id),
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX evidence_case ON evidence(case_id, indicator_id);
CREATE INDEX evidence_observation ON evidence(observation_id);
CREATE INDEX evidence_artifact ON evidence(artifact_id);

-- The coaching log: visits and contacts (R16: a PA case's never reaches an
-- evaluator). kind: visit | meeting | phone | video | email | other.
CREATE TABLE coaching_entry (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    on_date TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    kind TEXT NOT NULL,
    focus TEXT NOT NULL,
    next_steps TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX coaching_case ON coaching_entry(case_id, on_date);
CREATE INDEX coaching_date ON coaching_entry(on_date);

-- Parley meetings (R17): teacher, CT and administrator; phase: start |
-- middle | end | extra. uid and sequence are the calendar's (RFC 5545).
CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    phase TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 60,
    place TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'scheduled',  -- scheduled | held | cancelled
    attended TEXT NOT NULL DEFAULT '',         -- 'teacher,ct,administrator' as held
    notes TEXT NOT NULL DEFAULT '',            -- the minutes
    held_at INTEGER NOT NULL DEFAULT 0,
    uid TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_case ON meeting(case_id, starts_at);
CREATE INDEX meeting_date ON meeting(starts_at);

-- A personal calendar feed: a secret URL (only its SHA-256 is kept) that
-- its owner can revoke by making a new one.
CREATE TABLE calendar_feed (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX calendar_feed_person ON calendar_feed(person_id);

-- The case's timeline carries its parts' events too (R37); part names the
-- record kind ('goal', 'observation', 'coaching'...) so that the timeline
-- shows each asker only what the policy table lets them see (R16). ''
-- for a workflow step.
ALTER TABLE case_event ADD COLUMN part TEXT NOT NULL DEFAULT '';
