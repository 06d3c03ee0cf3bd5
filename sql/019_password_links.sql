-- 019: one-time links by e-mail (issue 16). "Forgot your password?" sends
-- a link to the address on the person's record, which only they read,
-- unless someone else typed it: a coordinator who set the address of a
-- person whose roles reach beyond the program (a district's principal who
-- is also a federation member) could otherwise read the link and cross the
-- wall between the programs (issue 15, finding 1). 1: the address was last
-- set by someone other than the person or the operator.
ALTER TABLE person ADD COLUMN email_set_by_other INTEGER NOT NULL DEFAULT 0;
