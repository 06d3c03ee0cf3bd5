-- 011 for PostgreSQL: signed checkpoints (see 011_audit_checkpoints.sql).
CREATE TABLE audit_checkpoint (
    audit_id BIGINT PRIMARY KEY,
    hash TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    signature TEXT NOT NULL
);

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
