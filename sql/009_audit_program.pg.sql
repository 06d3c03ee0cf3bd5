-- 009 for PostgreSQL: each audit row names its program (see 009_audit_program.sql).
ALTER TABLE audit ADD COLUMN program_id BIGINT REFERENCES program(id);
CREATE INDEX audit_program ON audit(program_id, id);
