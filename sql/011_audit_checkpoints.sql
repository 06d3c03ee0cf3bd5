-- 011: R38, the audit log is verified against a key kept outside the
-- database. A checkpoint is the chain's head (a row's id and hash) signed
-- with the installation's Ed25519 key (app/audit_key.c), which lives in a
-- file beside the database, never in it. Each checkpoint is kept here and
-- appended to a file beside the key as well, so that someone who can write
-- to the database, and rewrites the chain, cuts its tail, empties it or
-- deletes these rows, is still caught by `parley audit verify`. A row here
-- proves itself by its signature: it needs no guard of its own.
CREATE TABLE audit_checkpoint (
    audit_id INTEGER PRIMARY KEY,     -- the head's row (audit.id)
    hash TEXT NOT NULL,               -- that row's hash
    signed_at INTEGER NOT NULL,
    signature TEXT NOT NULL           -- Ed25519, hex, over id, hash and time
);

-- INSERT OR REPLACE deletes the row it replaces without firing
-- audit_no_delete (SQLite fires delete triggers on REPLACE only with
-- recursive triggers on): refuse any insert of an id the log already has.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (R38)');
END;
