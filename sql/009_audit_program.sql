-- 009: each audit row names the program it belongs to, so that a program's
-- audit log shows its own rows only: a district's coordinator does not see
-- the federation's Peer Support Service in theirs (R31-R36, R38). Rows
-- written before this have none (NULL): they are the installation's first
-- program's, from before there were several. The column is in the hash
-- chain whenever it is set (app/audit.c), so it cannot be moved unseen.
ALTER TABLE audit ADD COLUMN program_id BIGINT REFERENCES program(id);
CREATE INDEX audit_program ON audit(program_id, id);
