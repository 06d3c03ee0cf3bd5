-- 022: one search box (issue 18). search_text holds the words a person and
-- an inquiry are found by: a name, an email, a school and a reference (a
-- person's employee id, an inquiry's INQ-2026-0042). A case and a peer
-- support case are found through their teacher's or member's person row.
-- What a person may see of the answers is the policy's, asked of each one
-- (app/search.c); this table only finds them.
--
-- Triggers keep it in step, in the writer's own transaction, whatever
-- writes the tables: the use cases, a roster's import, parley copy, the
-- demo. (A migration that builds person, school or inquiry again on SQLite
-- drops these triggers and must create them again.)
--
-- SQLite: FTS5. A row's rowid is its record's: a person's id * 2, an
-- inquiry's id * 2 + 1, so a trigger reaches its row without a scan. Words
-- are letters and digits (unicode61), as PostgreSQL's variant splits them;
-- accents are kept, as PostgreSQL keeps them.
CREATE VIRTUAL TABLE search_text USING fts5(
    name, email, school, reference,
    kind UNINDEXED, record_id UNINDEXED, program_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER search_person_added AFTER INSERT ON person BEGIN
    INSERT INTO search_text (rowid, name, email, school, reference, kind, record_id, program_id)
    VALUES (new.id * 2, new.name, new.email,
            COALESCE((SELECT s.name FROM school s WHERE s.id = new.school_id), ''),
            new.employee_id, 'person', new.id, new.program_id);
END;
CREATE TRIGGER search_person_changed
AFTER UPDATE OF name, email, school_id, employee_id, program_id ON person BEGIN
    UPDATE search_text SET name = new.name, email = new.email,
        school = COALESCE((SELECT s.name FROM school s WHERE s.id = new.school_id), ''),
        reference = new.employee_id, program_id = new.program_id
    WHERE rowid = new.id * 2;
END;
CREATE TRIGGER search_person_removed AFTER DELETE ON person BEGIN
    DELETE FROM search_text WHERE rowid = old.id * 2;
END;

CREATE TRIGGER search_inquiry_added AFTER INSERT ON inquiry BEGIN
    INSERT INTO search_text (rowid, name, email, school, reference, kind, record_id, program_id)
    VALUES (new.id * 2 + 1, new.name, new.email,
            COALESCE((SELECT s.name FROM school s WHERE s.id = new.school_id), new.school_other),
            new.reference, 'inquiry', new.id, new.program_id);
END;
CREATE TRIGGER search_inquiry_changed
AFTER UPDATE OF name, email, school_id, school_other, reference, program_id ON inquiry BEGIN
    UPDATE search_text SET name = new.name, email = new.email,
        school = COALESCE((SELECT s.name FROM school s WHERE s.id = new.school_id),
                          new.school_other),
        reference = new.reference, program_id = new.program_id
    WHERE rowid = new.id * 2 + 1;
END;
CREATE TRIGGER search_inquiry_removed AFTER DELETE ON inquiry BEGIN
    DELETE FROM search_text WHERE rowid = old.id * 2 + 1;
END;

-- A school renamed: its people and inquiries are found by the new name.
CREATE TRIGGER search_school_renamed AFTER UPDATE OF name ON school BEGIN
    UPDATE search_text SET school = new.name
    WHERE rowid IN (SELECT id * 2 FROM person WHERE school_id = new.id)
       OR rowid IN (SELECT id * 2 + 1 FROM inquiry WHERE school_id = new.id);
END;

INSERT INTO search_text (rowid, name, email, school, reference, kind, record_id, program_id)
SELECT p.id * 2, p.name, p.email, COALESCE(s.name, ''), p.employee_id, 'person', p.id,
       p.program_id
FROM person p LEFT JOIN school s ON s.id = p.school_id;
INSERT INTO search_text (rowid, name, email, school, reference, kind, record_id, program_id)
SELECT q.id * 2 + 1, q.name, q.email, COALESCE(s.name, q.school_other), q.reference, 'inquiry',
       q.id, q.program_id
FROM inquiry q LEFT JOIN school s ON s.id = q.school_id;
