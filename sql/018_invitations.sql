-- 018: calendar invitations (issue 16). An invitation goes out again with
-- a greater SEQUENCE each time its event's time, place or status changes
-- (RFC 5545 3.8.7.4), so that calendars keep the newest: the parley
-- meetings count theirs (006); the initial meeting, the agreement review
-- (R10, R11) and the Panel's sessions count theirs here. A case withdrawn
-- while its initial meeting or agreement review was still to come
-- cancels it (1: cancelled).
ALTER TABLE teacher_case ADD COLUMN meeting_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN meeting_cancelled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN review_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN review_cancelled INTEGER NOT NULL DEFAULT 0;
-- A Panel session's invitations come from the coordinator who arranged it
-- (its ORGANIZER); one arranged before now, from the program's coordinator.
ALTER TABLE panel_session ADD COLUMN arranged_by BIGINT REFERENCES person(id);
UPDATE panel_session SET arranged_by = (SELECT MIN(r.person_id) FROM person_role r JOIN person p
    ON p.id = r.person_id WHERE r.role = 'coordinator' AND p.program_id = panel_session.program_id);
ALTER TABLE panel_session ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
