-- 008: several programs in one installation, the federation's confidential
-- Peer Support Service (R31-R36), each closed case's outcome and the
-- end-of-cycle surveys (R39).
--
-- A program is a district's PA/PAR program or a federation's Peer Support
-- Service. A person has a home program (person.program_id) and holds roles
-- in any program (person_role.program_id): roles held in one program grant
-- nothing in another. A session acts in one program at a time.
ALTER TABLE program ADD COLUMN kind TEXT NOT NULL DEFAULT 'district';   -- district | federation
ALTER TABLE person_role ADD COLUMN program_id INTEGER REFERENCES program(id);
UPDATE person_role SET program_id = (SELECT p.program_id FROM person p WHERE p.id = person_role.person_id);
CREATE INDEX person_role_program ON person_role(program_id, role);
ALTER TABLE session ADD COLUMN program_id INTEGER REFERENCES program(id);   -- NULL: the home program

-- A member's request for peer support (R31) and its case. referral: self |
-- president; reason: plan_of_assistance | concerns_before_evaluation |
-- self_referral. cost (R32): district | federation | shared (cost_note says
-- the negotiated share). The district's agreement not to use anything from
-- the service in evaluation or discipline (R33) is recorded before work
-- starts: status requested -> agreed -> active -> closed. hold (R35): '' |
-- grievance | regulatory; while set, nothing is released.
CREATE TABLE pss_case (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    member_id INTEGER NOT NULL REFERENCES person(id),
    referral TEXT NOT NULL,
    president_id INTEGER REFERENCES person(id),   -- the local president who referred, or who takes part
    reason TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',            -- the member's school district, in words
    request_note TEXT NOT NULL DEFAULT '',
    consultant_id INTEGER REFERENCES person(id),
    cost TEXT NOT NULL DEFAULT '',
    cost_note TEXT NOT NULL DEFAULT '',
    leave_needed INTEGER NOT NULL DEFAULT 0,      -- R36: leave of absence, not paid by the federation
    leave_from TEXT NOT NULL DEFAULT '',
    leave_to TEXT NOT NULL DEFAULT '',
    leave_note TEXT NOT NULL DEFAULT '',
    agreement_at INTEGER NOT NULL DEFAULT 0,      -- R33: when the district's agreement was recorded
    agreement_by TEXT NOT NULL DEFAULT '',        -- who signed it for the district, in words
    agreement_note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'requested',
    hold TEXT NOT NULL DEFAULT '',
    hold_at INTEGER NOT NULL DEFAULT 0,
    hold_note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pss_case_program ON pss_case(program_id, status);
CREATE INDEX pss_case_member ON pss_case(member_id);
-- The consultant's record of the work: visits, calls, planning.
CREATE TABLE pss_log (
    id INTEGER PRIMARY KEY,
    pss_case_id INTEGER NOT NULL REFERENCES pss_case(id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,                           -- visit | meeting | phone | planning
    note TEXT NOT NULL,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX pss_log_case ON pss_log(pss_case_id, on_date);
-- A report the consultant writes. It goes to nobody until a release says so.
CREATE TABLE pss_report (
    id INTEGER PRIMARY KEY,
    pss_case_id INTEGER NOT NULL REFERENCES pss_case(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX pss_report_case ON pss_report(pss_case_id);
-- A release of one report to one recipient (R34): the member, the local
-- president and the consultant each consent in advance; released only with
-- all three and no hold (R35). status: proposed | released | withdrawn.
CREATE TABLE pss_release (
    id INTEGER PRIMARY KEY,
    pss_case_id INTEGER NOT NULL REFERENCES pss_case(id),
    report_id INTEGER NOT NULL REFERENCES pss_report(id),
    recipient TEXT NOT NULL,                      -- who receives it, in words
    purpose TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'proposed',
    member_consent_at INTEGER NOT NULL DEFAULT 0,
    president_consent_at INTEGER NOT NULL DEFAULT 0,
    consultant_consent_at INTEGER NOT NULL DEFAULT 0,
    released_at INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES person(id),
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pss_release_case ON pss_release(pss_case_id);

-- A closed PA/PAR case's outcome (R39). stayed: yes | no | unknown.
CREATE TABLE case_outcome (
    case_id INTEGER PRIMARY KEY REFERENCES teacher_case(id),
    rating_before TEXT NOT NULL,
    rating_after TEXT NOT NULL,
    stayed TEXT NOT NULL,
    continued_support TEXT NOT NULL DEFAULT '',
    school_year INTEGER NOT NULL,                 -- the year it starts: 2026 for 2026-27
    recorded_by INTEGER REFERENCES person(id),
    recorded_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- Who was asked to answer the end-of-cycle survey, and whether they did:
-- the only thing kept with a person's name (R39). party: teacher |
-- administrator.
CREATE TABLE survey_invitation (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES teacher_case(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    party TEXT NOT NULL,
    responded INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (case_id, person_id)
);
-- The answers, with nothing that leads back to who gave them: no case, no
-- person, no time; the id is random, not the order of answering (R39).
-- Likert answers 1 (strongly disagree) to 5 (strongly agree).
CREATE TABLE survey_response (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    school_year INTEGER NOT NULL,
    track TEXT NOT NULL,                          -- pa | par
    party TEXT NOT NULL,                          -- teacher | administrator
    fair INTEGER NOT NULL,
    transparent INTEGER NOT NULL,
    humane INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_response_year ON survey_response(program_id, school_year, track);

-- The days-to-feedback report reads every shared feedback of the program:
-- from this index alone, not the observations' rows (R39).
CREATE INDEX observation_feedback ON observation(case_id, feedback_shared_at, observed_on);
