-- 018 for PostgreSQL: calendar invitations (see 018_invitations.sql); the
-- sequences are BIGINT, as the meetings' (006).
ALTER TABLE teacher_case ADD COLUMN meeting_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN meeting_cancelled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN review_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE teacher_case ADD COLUMN review_cancelled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE panel_session ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
