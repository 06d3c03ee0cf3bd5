-- 023 for PostgreSQL: evidence sent to the Panel takes a file (see
-- 023_panel_evidence_files.sql).
ALTER TABLE panel_submission ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE panel_submission ADD COLUMN file_type TEXT NOT NULL DEFAULT '';
ALTER TABLE panel_submission ADD COLUMN file_size BIGINT NOT NULL DEFAULT 0;
CREATE INDEX panel_submission_person ON panel_submission(person_id);

CREATE TABLE panel_submission_file (
    submission_id BIGINT PRIMARY KEY REFERENCES panel_submission(id),
    content bytea NOT NULL
);
