-- 016 for PostgreSQL: the cases a person saw in a list (see 016_case_seen.sql).
CREATE TABLE case_seen (
    reader_id BIGINT NOT NULL REFERENCES person(id),
    day TEXT NOT NULL,
    case_id BIGINT NOT NULL REFERENCES teacher_case(id),
    PRIMARY KEY (reader_id, day, case_id)
);
