-- 020: signing in through the program's OpenID provider (issue 17).
--
-- A sign-in started here waits for the provider's answer: its state (only
-- the SHA-256 of what went to the provider is kept), the nonce the ID token
-- must carry and the PKCE verifier that redeems the code. It is bound to
-- the browser that started it by a cookie (only its SHA-256 is kept), works
-- once (used_at) and for a few minutes (expires_at): a state replayed, or
-- brought to another browser, finds nothing.
CREATE TABLE sso_attempt (
    id INTEGER PRIMARY KEY,
    state_hash TEXT NOT NULL UNIQUE,
    browser_hash TEXT NOT NULL,
    program_id INTEGER NOT NULL REFERENCES program(id),
    nonce TEXT NOT NULL,
    verifier TEXT NOT NULL,
    next_path TEXT NOT NULL DEFAULT '/dashboard',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sso_attempt_expiry ON sso_attempt(expires_at);

-- A session the provider vouched for works in that provider's program only:
-- a district's provider never opens a federation's Peer Support Service to
-- someone who belongs to both (R31-R36). NULL: signed in with a password.
ALTER TABLE session ADD COLUMN sso_program_id INTEGER REFERENCES program(id);
