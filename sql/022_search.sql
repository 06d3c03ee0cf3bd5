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
-- Each engine keeps the index in its own full-text search, so the whole
-- migration is two sections (test_store leaves search_text out of its
-- comparison of the engines' schemas).
-- @sqlite
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
-- @postgresql
-- PostgreSQL: a table with a GIN index on its words (a tsvector of the
-- 'simple' configuration: words as written, lower-cased, no stemming, so
-- that the start of a name finds it as on SQLite). Punctuation and spaces
-- split words, as FTS5's unicode61 splits them: an email's parts and an
-- INQ-2026-0042's are words of their own, not one token.
CREATE TABLE search_text (
    kind TEXT NOT NULL,                  -- person | inquiry
    record_id BIGINT NOT NULL,
    program_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    school TEXT NOT NULL,
    reference TEXT NOT NULL,
    words tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
        regexp_replace(name || ' ' || email || ' ' || school || ' ' || reference,
                       '[[:space:][:punct:]]+', ' ', 'g'))) STORED,
    PRIMARY KEY (kind, record_id)
);
CREATE INDEX search_text_words ON search_text USING GIN (words);

CREATE FUNCTION search_school_name(BIGINT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT s.name FROM school s WHERE s.id = $1
$$;

-- One function for both tables (kind: the table's name): the row as it is
-- now put in search_text, in place of what was there.
CREATE FUNCTION search_text_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    school_words TEXT;
    reference_words TEXT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_text WHERE kind = TG_TABLE_NAME AND record_id = OLD.id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'person' THEN
        school_words := COALESCE(search_school_name(NEW.school_id), '');
        reference_words := NEW.employee_id;
    ELSE
        school_words := COALESCE(search_school_name(NEW.school_id), NEW.school_other);
        reference_words := NEW.reference;
    END IF;
    INSERT INTO search_text (kind, record_id, program_id, name, email, school, reference)
    VALUES (TG_TABLE_NAME, NEW.id, NEW.program_id, NEW.name, NEW.email, school_words,
            reference_words);
    RETURN NEW;
END
$$;
CREATE TRIGGER search_person AFTER INSERT OR DELETE
    OR UPDATE OF name, email, school_id, employee_id, program_id ON person
    FOR EACH ROW EXECUTE FUNCTION search_text_sync();
CREATE TRIGGER search_inquiry AFTER INSERT OR DELETE
    OR UPDATE OF name, email, school_id, school_other, reference, program_id ON inquiry
    FOR EACH ROW EXECUTE FUNCTION search_text_sync();

-- A school renamed: its people and inquiries are found by the new name.
CREATE FUNCTION search_school_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_text SET school = NEW.name
    WHERE (kind = 'person' AND record_id IN (SELECT id FROM person WHERE school_id = NEW.id))
       OR (kind = 'inquiry' AND record_id IN (SELECT id FROM inquiry WHERE school_id = NEW.id));
    RETURN NEW;
END
$$;
CREATE TRIGGER search_school AFTER UPDATE OF name ON school
    FOR EACH ROW EXECUTE FUNCTION search_school_sync();

INSERT INTO search_text (kind, record_id, program_id, name, email, school, reference)
SELECT 'person', p.id, p.program_id, p.name, p.email, COALESCE(s.name, ''), p.employee_id
FROM person p LEFT JOIN school s ON s.id = p.school_id;
INSERT INTO search_text (kind, record_id, program_id, name, email, school, reference)
SELECT 'inquiry', q.id, q.program_id, q.name, q.email, COALESCE(s.name, q.school_other),
       q.reference
FROM inquiry q LEFT JOIN school s ON s.id = q.school_id;
