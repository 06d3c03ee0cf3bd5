-- 017: mail (issue 16). A message is written here in the same transaction
-- as the event that causes it, whole (its headers and MIME parts), with a
-- Message-ID fixed at that moment: a resend after a crash is the same
-- message to the receiver. The server's delivery worker takes one at a
-- time by a lease (lease_until), so that two nodes never send the same one
-- at once; a send whose node died is taken again when its lease ends.
CREATE TABLE mail (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    person_id INTEGER REFERENCES person(id),     -- NULL: an address with no person
    to_address TEXT NOT NULL,
    kind TEXT NOT NULL,          -- notice | reminder | digest | summary | security
                                 -- | invitation | confirmation
    case_id INTEGER REFERENCES teacher_case(id),
    subject TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    message TEXT NOT NULL,       -- as sent; emptied once a security message is sent
    text TEXT NOT NULL,          -- its words, for the outbox page; emptied likewise
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',        -- queued | sent | failed
    tries INTEGER NOT NULL DEFAULT 0,
    next_try_at INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_due ON mail(state, next_try_at);
CREATE INDEX mail_program ON mail(program_id, created_at);

-- Each person's choice (My account): every notice at once, a daily
-- digest, or none. Security messages always go.
ALTER TABLE person ADD COLUMN mail_choice TEXT NOT NULL DEFAULT 'now';

-- What a notice says in an e-mail: what happened, with no notes, ratings
-- or reasons (603 CMR 35.10), which stay in the inbox.
ALTER TABLE notification ADD COLUMN headline TEXT NOT NULL DEFAULT '';

-- The digests and weekly summaries made, one per person, kind and period
-- (a day, a week's Monday), however many nodes sweep; through_id: the last
-- notification a digest told of.
CREATE TABLE mail_round (
    person_id INTEGER NOT NULL REFERENCES person(id),
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    through_id INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, kind, period)
);
