-- 024: the reports' figures and the audit log's length kept as tallies
-- (issue 19). The Track Record, the reports on visits and observations per
-- case and on days to feedback (R19, R39), and the audit log's page counted
-- the program's whole history at each view: at district scale, 100,000
-- observations read twice per view, 300,000 audit rows counted, every
-- outcome and survey answer of ten years grouped on the public home of the
-- program's record. These tallies hold the same counts, kept in step by
-- triggers in the writer's own transaction, whatever writes (the use cases,
-- the demo, parley copy), so a view reads a row per group instead. (A
-- migration that builds one of the tables counted again on SQLite drops its
-- triggers and must create them again.)
--
-- audit_tally: the log's rows per program (0: rows of no program); the log
-- only grows (002).
CREATE TABLE audit_tally (
    program_id BIGINT PRIMARY KEY,
    entries BIGINT NOT NULL
);

-- observation_tally: a case's observations, shared or not.
CREATE TABLE observation_tally (
    case_id BIGINT PRIMARY KEY REFERENCES teacher_case(id),
    observations BIGINT NOT NULL
);

-- feedback_tally: shared feedback by the day observed and the hour shared
-- (feedback_shared_at / 3600). The report counts the days between in the
-- program's own days, which are whole hours from UTC, so nothing finer is
-- needed.
CREATE TABLE feedback_tally (
    program_id BIGINT NOT NULL REFERENCES program(id),
    observed_on TEXT NOT NULL,
    shared_hour BIGINT NOT NULL,
    observations BIGINT NOT NULL,
    PRIMARY KEY (program_id, observed_on, shared_hour)
);

-- feedback_case_tally: the cases with shared feedback in a school year (the
-- one observed_on is in: the year's number, less one before July), the
-- people R39's small-group rule counts.
CREATE TABLE feedback_case_tally (
    program_id BIGINT NOT NULL REFERENCES program(id),
    school_year BIGINT NOT NULL,
    case_id BIGINT NOT NULL REFERENCES teacher_case(id),
    observations BIGINT NOT NULL,
    PRIMARY KEY (program_id, school_year, case_id)
);

-- outcome_tally: the outcomes recorded (R39's Track Record), by school year,
-- track, rating after and whether the teacher stayed. What counts as
-- proficient stays the report's to say (app/track_record.c).
CREATE TABLE outcome_tally (
    program_id BIGINT NOT NULL REFERENCES program(id),
    school_year BIGINT NOT NULL,
    track TEXT NOT NULL,
    rating_after TEXT NOT NULL,
    stayed TEXT NOT NULL,
    outcomes BIGINT NOT NULL,
    PRIMARY KEY (program_id, school_year, track, rating_after, stayed)
);

-- survey_tally: the survey's answers (R39), by school year, party, track and
-- the three answers. A response is never changed nor removed.
CREATE TABLE survey_tally (
    program_id BIGINT NOT NULL REFERENCES program(id),
    school_year BIGINT NOT NULL,
    party TEXT NOT NULL,
    track TEXT NOT NULL,
    fair BIGINT NOT NULL,
    transparent BIGINT NOT NULL,
    humane BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (program_id, school_year, party, track, fair, transparent, humane)
);

-- The visits per case: a case's coaching entries of one kind, from the index.
CREATE INDEX coaching_case_kind ON coaching_entry(case_id, kind);
-- The cases a union representative takes part in, by their index (the
-- asker's cases are found by each part's own: app/cases.c).
CREATE INDEX teacher_case_union_rep ON teacher_case(union_rep_id);
-- The recommendations sent to the Panel in order, with their cases, and a
-- case's decisions by approval: those still awaiting a decision are found
-- in the two indexes alone (app/panel.c).
CREATE INDEX recommendation_submitted ON recommendation(status, submitted_at, case_id);
CREATE INDEX panel_decision_case_approval ON panel_decision(case_id, approval);
-- The surveys waiting for a person (their dashboard), from theirs alone.
CREATE INDEX survey_invitation_person ON survey_invitation(person_id, responded, case_id);

INSERT INTO audit_tally (program_id, entries)
SELECT COALESCE(program_id, 0), COUNT(*) FROM audit GROUP BY COALESCE(program_id, 0);
INSERT INTO outcome_tally (program_id, school_year, track, rating_after, stayed, outcomes)
SELECT k.program_id, o.school_year, k.track, o.rating_after, o.stayed, COUNT(*)
FROM case_outcome o JOIN teacher_case k ON k.id = o.case_id
GROUP BY k.program_id, o.school_year, k.track, o.rating_after, o.stayed;
INSERT INTO survey_tally (program_id, school_year, party, track, fair, transparent, humane,
                          responses)
SELECT program_id, school_year, party, track, fair, transparent, humane, COUNT(*)
FROM survey_response
GROUP BY program_id, school_year, party, track, fair, transparent, humane;
INSERT INTO observation_tally (case_id, observations)
SELECT case_id, COUNT(*) FROM observation GROUP BY case_id;
INSERT INTO feedback_tally (program_id, observed_on, shared_hour, observations)
SELECT k.program_id, o.observed_on, o.feedback_shared_at / 3600, COUNT(*)
FROM observation o JOIN teacher_case k ON k.id = o.case_id
WHERE o.feedback_shared_at > 0
GROUP BY k.program_id, o.observed_on, o.feedback_shared_at / 3600;
INSERT INTO feedback_case_tally (program_id, school_year, case_id, observations)
SELECT k.program_id, CAST(SUBSTR(o.observed_on, 1, 4) AS INTEGER) -
       CASE WHEN SUBSTR(o.observed_on, 6, 2) < '07' THEN 1 ELSE 0 END, o.case_id, COUNT(*)
FROM observation o JOIN teacher_case k ON k.id = o.case_id
WHERE o.feedback_shared_at > 0
GROUP BY k.program_id, 2, o.case_id;
-- @sqlite
CREATE TRIGGER tally_audit_added AFTER INSERT ON audit BEGIN
    INSERT INTO audit_tally (program_id, entries) VALUES (COALESCE(new.program_id, 0), 1)
        ON CONFLICT (program_id) DO UPDATE SET entries = entries + 1;
END;
CREATE TRIGGER tally_survey_added AFTER INSERT ON survey_response BEGIN
    INSERT INTO survey_tally (program_id, school_year, party, track, fair, transparent, humane,
                              responses)
        VALUES (new.program_id, new.school_year, new.party, new.track, new.fair,
                new.transparent, new.humane, 1)
        ON CONFLICT (program_id, school_year, party, track, fair, transparent, humane)
        DO UPDATE SET responses = responses + 1;
END;
-- An outcome counted in (n = 1) or out (n = -1), as an observation is
-- below; a correction is both.
CREATE VIEW outcome_count (case_id, school_year, rating_after, stayed, n) AS
    SELECT 0, 0, '', '', 0 WHERE 0;
CREATE TRIGGER outcome_count_tally INSTEAD OF INSERT ON outcome_count BEGIN
    INSERT INTO outcome_tally (program_id, school_year, track, rating_after, stayed, outcomes)
        SELECT k.program_id, new.school_year, k.track, new.rating_after, new.stayed, new.n
        FROM teacher_case k WHERE k.id = new.case_id
        ON CONFLICT (program_id, school_year, track, rating_after, stayed)
        DO UPDATE SET outcomes = outcomes + excluded.outcomes;
END;
CREATE TRIGGER tally_outcome_added AFTER INSERT ON case_outcome BEGIN
    INSERT INTO outcome_count
        VALUES (new.case_id, new.school_year, new.rating_after, new.stayed, 1);
END;
CREATE TRIGGER tally_outcome_removed AFTER DELETE ON case_outcome BEGIN
    INSERT INTO outcome_count
        VALUES (old.case_id, old.school_year, old.rating_after, old.stayed, -1);
END;
CREATE TRIGGER tally_outcome_changed
AFTER UPDATE OF case_id, school_year, rating_after, stayed ON case_outcome BEGIN
    INSERT INTO outcome_count
        VALUES (old.case_id, old.school_year, old.rating_after, old.stayed, -1);
    INSERT INTO outcome_count
        VALUES (new.case_id, new.school_year, new.rating_after, new.stayed, 1);
END;
-- An observation counted in (n = 1) or out (n = -1): a row inserted into
-- this view, whose one trigger says how (as PostgreSQL's function does). A
-- change is the old row counted out and the new one in.
CREATE VIEW observation_count (case_id, observed_on, shared_at, n) AS
    SELECT 0, '', 0, 0 WHERE 0;
CREATE TRIGGER observation_count_tally INSTEAD OF INSERT ON observation_count BEGIN
    INSERT INTO observation_tally (case_id, observations) VALUES (new.case_id, new.n)
        ON CONFLICT (case_id) DO UPDATE SET observations = observations + excluded.observations;
    INSERT INTO feedback_tally (program_id, observed_on, shared_hour, observations)
        SELECT k.program_id, new.observed_on, new.shared_at / 3600, new.n
        FROM teacher_case k WHERE k.id = new.case_id AND new.shared_at > 0
        ON CONFLICT (program_id, observed_on, shared_hour)
        DO UPDATE SET observations = observations + excluded.observations;
    INSERT INTO feedback_case_tally (program_id, school_year, case_id, observations)
        SELECT k.program_id, CAST(SUBSTR(new.observed_on, 1, 4) AS INTEGER) -
               CASE WHEN SUBSTR(new.observed_on, 6, 2) < '07' THEN 1 ELSE 0 END, k.id, new.n
        FROM teacher_case k WHERE k.id = new.case_id AND new.shared_at > 0
        ON CONFLICT (program_id, school_year, case_id)
        DO UPDATE SET observations = observations + excluded.observations;
END;
CREATE TRIGGER tally_observation_added AFTER INSERT ON observation BEGIN
    INSERT INTO observation_count
        VALUES (new.case_id, new.observed_on, new.feedback_shared_at, 1);
END;
CREATE TRIGGER tally_observation_removed AFTER DELETE ON observation BEGIN
    INSERT INTO observation_count
        VALUES (old.case_id, old.observed_on, old.feedback_shared_at, -1);
END;
CREATE TRIGGER tally_observation_changed
AFTER UPDATE OF case_id, observed_on, feedback_shared_at ON observation BEGIN
    INSERT INTO observation_count
        VALUES (old.case_id, old.observed_on, old.feedback_shared_at, -1);
    INSERT INTO observation_count
        VALUES (new.case_id, new.observed_on, new.feedback_shared_at, 1);
END;
-- @postgresql
CREATE FUNCTION audit_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_tally (program_id, entries) VALUES (COALESCE(NEW.program_id, 0), 1)
        ON CONFLICT (program_id) DO UPDATE SET entries = audit_tally.entries + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER tally_audit AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_tally_count();
CREATE FUNCTION survey_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO survey_tally (program_id, school_year, party, track, fair, transparent, humane,
                              responses)
        VALUES (NEW.program_id, NEW.school_year, NEW.party, NEW.track, NEW.fair,
                NEW.transparent, NEW.humane, 1)
        ON CONFLICT (program_id, school_year, party, track, fair, transparent, humane)
        DO UPDATE SET responses = survey_tally.responses + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER tally_survey AFTER INSERT ON survey_response
    FOR EACH ROW EXECUTE FUNCTION survey_tally_count();
-- An outcome counted in (n = 1) or out (n = -1); a correction is both.
CREATE FUNCTION outcome_tally_count(c BIGINT, year BIGINT, rating TEXT, stay TEXT, n BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO outcome_tally (program_id, school_year, track, rating_after, stayed, outcomes)
        SELECT k.program_id, year, k.track, rating, stay, n FROM teacher_case k WHERE k.id = c
        ON CONFLICT (program_id, school_year, track, rating_after, stayed)
        DO UPDATE SET outcomes = outcome_tally.outcomes + EXCLUDED.outcomes;
$$;
CREATE FUNCTION outcome_tally_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM outcome_tally_count(OLD.case_id, OLD.school_year, OLD.rating_after, OLD.stayed, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM outcome_tally_count(NEW.case_id, NEW.school_year, NEW.rating_after, NEW.stayed, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tally_outcome AFTER INSERT OR DELETE
    OR UPDATE OF case_id, school_year, rating_after, stayed ON case_outcome
    FOR EACH ROW EXECUTE FUNCTION outcome_tally_sync();
-- An observation counted in (n = 1) or out (n = -1): in the tallies its
-- row is in. A change is the old row counted out and the new one in.
CREATE FUNCTION observation_tally_count(c BIGINT, day TEXT, shared BIGINT, n BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO observation_tally (case_id, observations) VALUES (c, n)
        ON CONFLICT (case_id)
        DO UPDATE SET observations = observation_tally.observations + EXCLUDED.observations;
    INSERT INTO feedback_tally (program_id, observed_on, shared_hour, observations)
        SELECT k.program_id, day, shared / 3600, n
        FROM teacher_case k WHERE k.id = c AND shared > 0
        ON CONFLICT (program_id, observed_on, shared_hour)
        DO UPDATE SET observations = feedback_tally.observations + EXCLUDED.observations;
    INSERT INTO feedback_case_tally (program_id, school_year, case_id, observations)
        SELECT k.program_id, CAST(SUBSTR(day, 1, 4) AS INTEGER) -
               CASE WHEN SUBSTR(day, 6, 2) < '07' THEN 1 ELSE 0 END, k.id, n
        FROM teacher_case k WHERE k.id = c AND shared > 0
        ON CONFLICT (program_id, school_year, case_id)
        DO UPDATE SET observations = feedback_case_tally.observations + EXCLUDED.observations;
$$;
CREATE FUNCTION observation_tally_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM observation_tally_count(OLD.case_id, OLD.observed_on, OLD.feedback_shared_at, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM observation_tally_count(NEW.case_id, NEW.observed_on, NEW.feedback_shared_at, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tally_observation AFTER INSERT OR DELETE
    OR UPDATE OF case_id, observed_on, feedback_shared_at ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_tally_sync();
-- @both
