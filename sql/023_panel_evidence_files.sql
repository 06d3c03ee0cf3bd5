-- 023: evidence sent to the Panel takes a file (issue 18, R22): a PDF or a
-- photo (JPEG, PNG), known by its content as an artifact is (upload.h). Its
-- name, type and size are on the submission ('' and 0: no file); its bytes
-- are kept apart, as an artifact's are, outside any public path. A file
-- counts toward the case's and its sender's upload quotas.
ALTER TABLE panel_submission ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE panel_submission ADD COLUMN file_type TEXT NOT NULL DEFAULT '';
ALTER TABLE panel_submission ADD COLUMN file_size BIGINT NOT NULL DEFAULT 0;
CREATE INDEX panel_submission_person ON panel_submission(person_id);

CREATE TABLE panel_submission_file (
    submission_id BIGINT PRIMARY KEY REFERENCES panel_submission(id),
    content bytea NOT NULL
);
