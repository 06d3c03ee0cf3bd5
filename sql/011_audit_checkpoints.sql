-- 011: R38, the audit log is verified against a key kept outside the
-- database. A checkpoint is the chain's head (a row's id and hash) signed
-- with the installation's Ed25519 key (app/audit_key.c), which lives in a
-- file beside the database, never in it. Each checkpoint is kept here and
-- appended to a file beside the key as well, so that someone who can write
-- to the database, and rewrites the chain, cuts its tail, empties it or
-- deletes these rows, is still caught by `parley audit verify`. A row here
-- proves itself by its signature: it needs no guard of its own.
CREATE TABLE audit_checkpoint (
    audit_id BIGINT PRIMARY KEY,      -- the head's row (audit.id)
    hash TEXT NOT NULL,               -- that row's hash
    signed_at BIGINT NOT NULL,
    signature TEXT NOT NULL           -- Ed25519, hex, over id, hash and time
);

-- @sqlite
-- INSERT OR REPLACE deletes the row it replaces without firing
-- audit_no_delete (SQLite fires delete triggers on REPLACE only with
-- recursive triggers on): refuse any insert of an id the log already has.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (R38)');
END;
-- @postgresql
-- The guards are named as on SQLite, one per statement kind, so that
-- `parley audit verify` looks for the same names on both engines: 002's
-- audit_no_update guarded UPDATE and DELETE at once.
DROP TRIGGER audit_no_update ON audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- An insert of an id the log already has is refused, as on SQLite: INSERT
-- ... ON CONFLICT DO UPDATE would otherwise turn into an edit if
-- audit_no_update were gone.
CREATE FUNCTION audit_refuse_existing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'the audit log is append-only (R38)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_existing();
