-- 015 for PostgreSQL: the intake and its case (see 015_intake.sql).
ALTER TABLE person RENAME COLUMN years_in_district TO district_year;
UPDATE person SET district_year = district_year + 1;
ALTER TABLE inquiry RENAME COLUMN years_in_district TO district_year;
UPDATE inquiry SET district_year = district_year + 1 WHERE facts_at <> 0;

ALTER TABLE inquiry ADD COLUMN sent_by BIGINT REFERENCES person(id);
ALTER TABLE inquiry ADD COLUMN teacher_confirmation TEXT NOT NULL DEFAULT 'not_needed';
ALTER TABLE inquiry ADD COLUMN confirmed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX inquiry_email ON inquiry(program_id, email, teacher_confirmation);

ALTER TABLE teacher_case ADD COLUMN handler_id BIGINT REFERENCES person(id);
UPDATE teacher_case SET handler_id = (SELECT i.handler_id FROM inquiry i WHERE i.id = teacher_case.inquiry_id);
UPDATE inquiry SET status = 'closed', close_reason = 'The case was withdrawn.'
    WHERE status <> 'closed' AND id IN (SELECT inquiry_id FROM teacher_case WHERE state = 'withdrawn');
UPDATE inquiry SET status = 'closed', close_reason = 'The case''s cycle is closed.'
    WHERE status <> 'closed' AND id IN (SELECT inquiry_id FROM teacher_case WHERE state = 'cycle_closed');

ALTER TABLE observation ADD COLUMN ct_confirmed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE observation ADD COLUMN administrator_confirmed_at BIGINT NOT NULL DEFAULT 0;
UPDATE observation SET ct_confirmed_at = created_at WHERE observers = 'joint' AND created_by =
    (SELECT k.ct_id FROM teacher_case k WHERE k.id = observation.case_id);
UPDATE observation SET administrator_confirmed_at = created_at WHERE observers = 'joint'
    AND ct_confirmed_at = 0 AND created_by IS NOT NULL;
