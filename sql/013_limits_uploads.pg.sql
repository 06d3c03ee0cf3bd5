-- 013 for PostgreSQL: limits on load and uploads (see 013_limits_uploads.sql).
-- Files as bytes: each base64 row is decoded in place.
ALTER TABLE resource_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');
ALTER TABLE artifact_file ALTER COLUMN content TYPE bytea USING decode(content, 'base64');
