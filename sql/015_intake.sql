-- 015: the intake and its case (issue 14).
--
-- R1: the question is asked the way teachers count their years, "which
-- year in the district are you in?", and the year they are in is what is
-- kept. What was kept before was the full years behind them: the year they
-- are in is one more. An inquiry's facts count only once confirmed.
ALTER TABLE person RENAME COLUMN years_in_district TO district_year;
UPDATE person SET district_year = district_year + 1;
ALTER TABLE inquiry RENAME COLUMN years_in_district TO district_year;
UPDATE inquiry SET district_year = district_year + 1 WHERE facts_at <> 0;

-- R8: a request sent by someone signed in, in another person's name, waits
-- for that teacher's word before it can become a case. teacher_confirmation:
-- not_needed (the teacher's own) | awaiting | confirmed | declined.
ALTER TABLE inquiry ADD COLUMN sent_by BIGINT REFERENCES person(id);
ALTER TABLE inquiry ADD COLUMN teacher_confirmation TEXT NOT NULL DEFAULT 'not_needed';
ALTER TABLE inquiry ADD COLUMN confirmed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX inquiry_email ON inquiry(program_id, email, teacher_confirmation);

-- The inquiry and its case are one journey: whoever handled the inquiry
-- (the coordinator or a CT) handles the case's enrolment too; an inquiry
-- whose case has ended is closed with the case's outcome.
ALTER TABLE teacher_case ADD COLUMN handler_id BIGINT REFERENCES person(id);
UPDATE teacher_case SET handler_id = (SELECT i.handler_id FROM inquiry i WHERE i.id = teacher_case.inquiry_id);
UPDATE inquiry SET status = 'closed', close_reason = 'The case was withdrawn.'
    WHERE status <> 'closed' AND id IN (SELECT inquiry_id FROM teacher_case WHERE state = 'withdrawn');
UPDATE inquiry SET status = 'closed', close_reason = 'The case''s cycle is closed.'
    WHERE status <> 'closed' AND id IN (SELECT inquiry_id FROM teacher_case WHERE state = 'cycle_closed');

-- R18: a joint observation counts once both the CT and the administrator
-- confirmed that they were there. Whoever recorded one before confirmed for
-- themselves; the other is asked now.
ALTER TABLE observation ADD COLUMN ct_confirmed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE observation ADD COLUMN administrator_confirmed_at BIGINT NOT NULL DEFAULT 0;
UPDATE observation SET ct_confirmed_at = created_at WHERE observers = 'joint' AND created_by =
    (SELECT k.ct_id FROM teacher_case k WHERE k.id = observation.case_id);
UPDATE observation SET administrator_confirmed_at = created_at WHERE observers = 'joint'
    AND ct_confirmed_at = 0 AND created_by IS NOT NULL;
