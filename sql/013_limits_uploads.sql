-- 013: limits on load and uploads (issue 15).
--
-- Files are kept as bytes, no longer as base64 text (a third larger, and
-- one more copy of every upload in memory while it is stored): each
-- existing row is decoded once, here. parley_base64_decode is registered
-- on every SQLite connection by src/store/sqlite.c for this migration.
-- @postgresql
ALTER TABLE resource_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');
ALTER TABLE artifact_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');
-- @sqlite
-- SQLite cannot change a column's type, so each table is made anew.
CREATE TABLE resource_file_bytes (
    resource_id BIGINT PRIMARY KEY REFERENCES resource(id),
    content BYTEA NOT NULL
);
INSERT INTO resource_file_bytes (resource_id, content)
    SELECT resource_id, parley_base64_decode(content) FROM resource_file;
DROP TABLE resource_file;
ALTER TABLE resource_file_bytes RENAME TO resource_file;

CREATE TABLE artifact_file_bytes (
    artifact_id BIGINT PRIMARY KEY REFERENCES artifact(id),
    content BYTEA NOT NULL
);
INSERT INTO artifact_file_bytes (artifact_id, content)
    SELECT artifact_id, parley_base64_decode(content) FROM artifact_file;
DROP TABLE artifact_file;
ALTER TABLE artifact_file_bytes RENAME TO artifact_file;
-- @both

-- Upload quotas per case and per person (settings upload_case_quota_mib,
-- upload_person_quota_mib): who uploaded a site document, and indexes to
-- sum what one person has uploaded. Documents from before have no uploader.
ALTER TABLE resource ADD COLUMN uploaded_by BIGINT REFERENCES person(id);
CREATE INDEX resource_uploader ON resource(uploaded_by);
CREATE INDEX artifact_uploader ON artifact(uploaded_by);

-- Rate limits: events counted per key in a window that starts with its
-- first event (app/rate.c): the public forms per address, sign-ins per
-- account and per address. In the database, so every node counts the same.
CREATE TABLE rate_counter (
    key TEXT PRIMARY KEY,              -- 'feedback:ADDRESS', 'signin-failed:EMAIL|ADDRESS', ...
    events BIGINT NOT NULL,
    window_end BIGINT NOT NULL,        -- the count starts again from 0 then
    last_at BIGINT NOT NULL            -- the latest event
);
CREATE INDEX rate_counter_end ON rate_counter(window_end);
-- The sign-in throttle's counters are rate counters now (app/signin.c);
-- the old table's locks are not carried over: they were the problem.
DROP TABLE login_throttle;
