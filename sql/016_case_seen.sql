-- 016: the cases a person saw in a list (issue 15, finding 14). A list of
-- cases, the deadlines, a person's tasks and calendar show each case's
-- teacher and where the case stands: a read of the case (R37, R38). Each
-- is audited about its teacher the first time a reader sees it in a day;
-- this table remembers which, so that a dashboard's every load does not
-- write. Only today's rows are kept.
CREATE TABLE case_seen (
    reader_id BIGINT NOT NULL REFERENCES person(id),
    day TEXT NOT NULL,
    case_id BIGINT NOT NULL REFERENCES teacher_case(id),
    PRIMARY KEY (reader_id, day, case_id)
);
