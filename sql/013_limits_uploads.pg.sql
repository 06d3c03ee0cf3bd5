-- 013 for PostgreSQL: limits on load and uploads (see 013_limits_uploads.sql).
-- Files as bytes: each base64 row is decoded in place.
ALTER TABLE resource_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');
ALTER TABLE artifact_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');

-- Upload quotas per case and per person.
ALTER TABLE resource ADD COLUMN uploaded_by BIGINT REFERENCES person(id);
CREATE INDEX resource_uploader ON resource(uploaded_by);
CREATE INDEX artifact_uploader ON artifact(uploaded_by);

-- Rate limits (app/rate.c).
CREATE TABLE rate_counter (
    key TEXT PRIMARY KEY,
    events BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    last_at BIGINT NOT NULL
);
CREATE INDEX rate_counter_end ON rate_counter(window_end);
DROP TABLE login_throttle;
