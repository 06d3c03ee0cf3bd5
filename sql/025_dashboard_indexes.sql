-- 025: what the dashboard asks of every case in progress, found by index
-- (issue 19). On a district of 600 schools the coordinator's dashboard
-- reads the facts of 7,000 cases in progress and the week's appointments.
--
-- The week: the calendar and the dashboard's week asked every case of the
-- program whether its initial meeting, its agreement review or a parley
-- meeting fell in the week: 34,000 cases, to find a hundred. Parley
-- meetings already have their days' index (meeting_date).
CREATE INDEX teacher_case_meeting_at ON teacher_case(meeting_at);
CREATE INDEX teacher_case_review_at ON teacher_case(review_at);

-- A case's goals counted by status and kind (R19: a practice and a
-- student-learning goal approved; goals proposed, waiting) from the index
-- alone, without reading each goal's row; it serves what goal_case(case_id,
-- kind) served.
DROP INDEX goal_case;
CREATE INDEX goal_case_status ON goal(case_id, status, kind);
