-- 010 for PostgreSQL: the reminders sent (see 010_reminders.sql).
CREATE TABLE reminder (
    case_id BIGINT NOT NULL REFERENCES teacher_case(id),
    step TEXT NOT NULL,
    instance INTEGER NOT NULL,
    person_id BIGINT NOT NULL REFERENCES person(id),
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, step, instance, person_id, kind, due_on)
);
CREATE INDEX reminder_person ON reminder(person_id);
