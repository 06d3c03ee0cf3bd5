-- 002: R38, the audit log cannot be edited through the database either.
-- Each engine spells its triggers its own way; on PostgreSQL the SQLSTATE
-- is of class 23 (integrity constraint), so the store reports
-- DB_CONSTRAINT, as for SQLite's RAISE(ABORT).
-- @sqlite
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (R38)');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (R38)');
END;
-- @postgresql
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (R38)'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
-- TRUNCATE skips row triggers; SQLite has no TRUNCATE to guard.
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
