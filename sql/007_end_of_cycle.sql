-- 007: the end of the cycle (R15, R20-R29): the formative and summative
-- evaluations and their ratings, the CT's recommendation to the Panel and
-- what the teacher and the administrator send the Panel before it meets,
-- the Panel's sessions, docket, attendance, recusals, deliberation notes and
-- votes, its decisions and the Superintendent's approval, and the terms and
-- yearly reviews of the Consulting Teachers. Dates are 'YYYY-MM-DD'.
-- Ratings are keys: exemplary | proficient | needs_improvement |
-- unsatisfactory ('' while not rated). Who may see which of these is the
-- policy table's.

-- A formative (mid-cycle) or summative evaluation (R15: only the primary
-- evaluator writes one). status: draft | admin_preview | shared | signed |
-- locked (domain/evaluation.h). Signing acknowledges receipt, not
-- agreement (R20); unlocking needs the other party's consent.
CREATE TABLE evaluation (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    kind TEXT NOT NULL,                        -- formative | summative
    status TEXT NOT NULL DEFAULT 'draft',
    overall_rating TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',          -- the evaluator's narrative
    admin_response TEXT NOT NULL DEFAULT '',   -- R23: the administrator's, at preview
    admin_responded_by INTEGER REFERENCES person(id),
    admin_responded_at INTEGER NOT NULL DEFAULT 0,
    shared_admin_at INTEGER NOT NULL DEFAULT 0,
    shared_teacher_at INTEGER NOT NULL DEFAULT 0,
    teacher_signed_at INTEGER NOT NULL DEFAULT 0,
    teacher_response TEXT NOT NULL DEFAULT '', -- R20: optional, the teacher's own words
    locked_at INTEGER NOT NULL DEFAULT 0,
    unlock_asked_by INTEGER REFERENCES person(id),
    unlock_reason TEXT NOT NULL DEFAULT '',
    unlock_asked_at INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, kind)
);
-- Its rating and comment for each of the rubric's standards (R26).
CREATE TABLE evaluation_rating (
    evaluation_id INTEGER NOT NULL REFERENCES evaluation(id),
    standard_id INTEGER NOT NULL REFERENCES rubric_standard(id),
    rating TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (evaluation_id, standard_id)
);

-- The CT's rating recommendation to the Panel (R21). Once submitted, the
-- teacher and the administrator see it and may send the Panel evidence
-- until preview_until (R22). status: draft | submitted.
CREATE TABLE recommendation (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE REFERENCES teacher_case(id),
    rating TEXT NOT NULL,
    rationale TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    preview_until TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- The Panel's overview reads what is before the Panel by status.
CREATE INDEX recommendation_status ON recommendation(status, submitted_at);
-- What the teacher or the administrator sends the Panel (R22): written
-- evidence, or a request to appear in person. party: teacher | administrator.
CREATE TABLE panel_submission (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    party TEXT NOT NULL,
    kind TEXT NOT NULL,                        -- written | appear
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX panel_submission_case ON panel_submission(case_id, created_at);

-- A meeting of the Panel (R24). vote_rule and quorum are the program's
-- settings when it is scheduled, and may be set for the session.
-- status: scheduled | closed.
CREATE TABLE panel_session (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL DEFAULT '',        -- 'HH:MM'
    place TEXT NOT NULL DEFAULT '',
    vote_rule TEXT NOT NULL,                   -- majority | consensus | fixed:N
    quorum INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'scheduled',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX panel_session_date ON panel_session(program_id, held_on);
-- The cases on a session's docket, in order.
CREATE TABLE panel_docket (
    session_id INTEGER NOT NULL REFERENCES panel_session(id),
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (session_id, case_id)
);
CREATE INDEX panel_docket_case ON panel_docket(case_id);
-- The members present at a session.
CREATE TABLE panel_attendance (
    session_id INTEGER NOT NULL REFERENCES panel_session(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (session_id, person_id)
);
-- A member's recusal from a case for a conflict of interest (R24): for good,
-- whichever session it comes before.
CREATE TABLE panel_recusal (
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    session_id INTEGER REFERENCES panel_session(id),
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, person_id)
);
-- The Panel's deliberation notes on a case: the Panel's eyes only.
CREATE TABLE panel_note (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES panel_session(id),
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX panel_note_case ON panel_note(case_id, session_id);
-- One vote per member, per case, per session (R24).
CREATE TABLE panel_vote (
    session_id INTEGER NOT NULL REFERENCES panel_session(id),
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    rating TEXT NOT NULL,
    cast_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, case_id, person_id)
);
-- The Panel's final rating recommendation on a case, by the session's
-- tally, and the Superintendent's answer (R25): only an approved rating is
-- final; a returned one goes back to the Panel, which decides again.
-- approval: pending | approved | returned.
CREATE TABLE panel_decision (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    session_id INTEGER NOT NULL REFERENCES panel_session(id),
    rating TEXT NOT NULL,
    tally TEXT NOT NULL,                       -- in words: "4 of 5 present for Proficient"
    decided_at INTEGER NOT NULL,
    approval TEXT NOT NULL DEFAULT 'pending',
    approval_reason TEXT NOT NULL DEFAULT '',
    approved_by INTEGER REFERENCES person(id),
    approved_at INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (session_id, case_id)
);
CREATE INDEX panel_decision_case ON panel_decision(case_id, decided_at);
-- The decisions awaiting the Superintendent's approval (R25).
CREATE INDEX panel_decision_approval ON panel_decision(approval, decided_at);

-- A Consulting Teacher's term (R27): the commitment (at least
-- ct_min_commitment_years), the day they leave the role, and the day until
-- which they may not take a principal or assistant-principal post.
CREATE TABLE ct_term (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    starts_on TEXT NOT NULL,
    committed_until TEXT NOT NULL,
    left_on TEXT NOT NULL DEFAULT '',
    restricted_until TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ct_term_person ON ct_term(person_id, starts_on);
-- The Panel's yearly review of a CT (R28). outcome: continue | not_continue.
CREATE TABLE ct_review (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    school_year INTEGER NOT NULL,              -- the year it starts: 2026 for 2026-27
    outcome TEXT NOT NULL,
    summary TEXT NOT NULL,
    session_id INTEGER REFERENCES panel_session(id),
    recorded_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    UNIQUE (person_id, school_year)
);
