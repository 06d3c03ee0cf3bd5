-- 010: the reminders sent from each person's tasks (the case's process,
-- src/domain/process.c): one row per case, step, instance, person, kind
-- (soon | overdue | waiting) and due date, so that a reminder goes once
-- however often the sweep runs, and on however many nodes.
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
