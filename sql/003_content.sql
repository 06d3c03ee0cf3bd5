-- 003: the public site's content, which the coordinator edits in the
-- application: fixed pages (home, about, enroll, contact, track record),
-- FAQ entries by audience, news posts and downloadable resources; and the
-- visitors' feedback, which the coordinator may publish as a quote.
-- Texts are Markdown, rendered safely (out/markdown.c: no raw HTML).

CREATE TABLE site_page (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    slug TEXT NOT NULL,                    -- home | about | enroll | contact | track-record
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',         -- Markdown
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (program_id, slug)
);

CREATE TABLE faq_entry (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    audience TEXT NOT NULL,                -- teachers | administrators | panel_and_cts
    question TEXT NOT NULL,
    answer TEXT NOT NULL,                  -- Markdown
    position INTEGER NOT NULL DEFAULT 0,   -- order within the audience
    published INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX faq_entry_order ON faq_entry(program_id, audience, position);

CREATE TABLE news_post (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,                    -- Markdown
    published_on TEXT NOT NULL,            -- YYYY-MM-DD, shown with the post
    published INTEGER NOT NULL DEFAULT 1,  -- 0: a draft or withdrawn
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX news_post_date ON news_post(program_id, published_on);

-- A document's description; its bytes are in resource_file, so listing
-- resources never reads them.
CREATE TABLE resource (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    filename TEXT NOT NULL,                -- the download's name: [A-Za-z0-9._-] only
    media_type TEXT NOT NULL,              -- from the content's magic bytes, never the browser's word
    size INTEGER NOT NULL,                 -- bytes
    published INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX resource_program ON resource(program_id, title);

-- The bytes, base64: in the database so that an upload and its description
-- commit together (nothing half-written), `parley backup` carries them, and
-- both engines store them through the same text parameters.
CREATE TABLE resource_file (
    resource_id INTEGER PRIMARY KEY REFERENCES resource(id),
    content TEXT NOT NULL
);

-- "Tell us what you think": no name is asked; role is how a published
-- quote is attributed ("a teacher", "an administrator", or nothing).
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id),
    role TEXT NOT NULL DEFAULT '',         -- teacher | administrator | ''
    comment TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,  -- the coordinator publishes it as a quote
    created_at INTEGER NOT NULL,
    published_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feedback_program ON feedback(program_id, published, created_at);
