/* content.c: the public site's pages, FAQ, news and resources, and the
 * visitors' feedback. Every write is authorised by the policy table,
 * validated, and audited (R38) in the request's one transaction. */
#include "app/content.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/upload.h"
#include "base/clock.h"
#include "base/utf8.h"
#include "domain/document.h"
#include "domain/people.h"

#define TITLE_MAX 200
#define TEXT_MAX 20000          /* a page's or an answer's Markdown */
#define SHORT_TEXT_MAX 1000     /* a resource's description */
#define COMMENT_MAX 2000
#define LIST_MAX 200            /* rows a list shows */

/* A text field of at most max characters; missing: the message when it is
 * required and empty (NULL: optional). Returns the value, "" if absent. */
static const char *text_field(struct ctx *c, struct errors *errs, const char *field,
                              const char *v, size_t max, const char *missing)
{
    v = v ? v : "";
    size_t n = utf8_length(v);
    if (!*v && missing)
        errors_add(errs, field, missing);
    else if (n > max)
        errors_add(errs, field, arena_printf(c->a, "Shorten this to %zu characters at most "
                                                   "(it has %zu).", max, n));
    return v;
}

static bool yes_no_field(struct errors *errs, const char *field, const char *v)
{
    bool ok = true;
    bool yes = parse_flag(v, &ok);
    if (!ok || !v || !*v)
        errors_add(errs, field, "Say whether it is published: yes or no.");
    return yes;
}

/* The coordinator may see drafts; anyone else sees what is published. */
static enum app_status visible_to(struct ctx *c, bool drafts)
{
    return app_authorize(c, drafts ? ACT_LIST : ACT_VIEW, KIND_CONTENT, NULL);
}

static bool sees_drafts(struct ctx *c)
{
    return app_authorize(c, ACT_LIST, KIND_CONTENT, NULL) == APP_OK;
}

/* --- pages --- */

const char *const site_page_slugs[] = {"home", "about", "enroll", "track-record", "contact"};
const int site_page_count = sizeof site_page_slugs / sizeof *site_page_slugs;

const char *site_page_default_title(const char *slug)
{
    static const char *const titles[] = {"Welcome", "About the program", "How to enroll",
                                         "Track record", "Contact us"};
    for (int i = 0; slug && i < site_page_count; i++)
        if (strcmp(slug, site_page_slugs[i]) == 0)
            return titles[i];
    return NULL;
}

enum app_status site_page_get(struct ctx *c, const char *slug, struct site_page *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    const char *title = site_page_default_title(slug);
    if (!title)
        return APP_NOT_FOUND;
    *out = (struct site_page){.slug = slug, .title = title, .body = ""};
    db_stmt *st = db_query(c->db,
                           "SELECT id, title, body, version, updated_at FROM site_page "
                           "WHERE program_id = ? AND slug = ?",
                           "is", c->who.program_id, slug);
    if (!st)
        return APP_ERROR;
    if (db_step(st) == DB_ROW) {
        out->id = db_int(st, 0);
        out->title = arena_strdup(c->a, db_text(st, 1));
        out->body = arena_strdup(c->a, db_text(st, 2));
        out->version = db_int(st, 3);
        out->updated_at = db_int(st, 4);
    }
    db_done(st);
    return APP_OK;
}

enum app_status site_page_save(struct ctx *c, const char *slug, int64_t version,
                               const struct page_input *in, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_CONTENT, NULL);
    struct site_page old;
    if (s != APP_OK || (s = site_page_get(c, slug, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    const char *title = text_field(c, errs, "title", in->title, TITLE_MAX, "Enter the page's title.");
    const char *body = text_field(c, errs, "body", in->body, TEXT_MAX, NULL);
    if (errs->n)
        return APP_INVALID;
    int64_t now = app_now(c);
    if (old.id) {
        s = app_changed_one(c, db_exec(c->db,
                                       "UPDATE site_page SET title = ?, body = ?, "
                                       "updated_at = ?, version = version + 1 "
                                       "WHERE id = ? AND version = ?",
                                       "ssiii", title, body, now, old.id, version));
    } else {
        int rc = db_int_query(c->db, &old.id, "INSERT INTO site_page (program_id, slug, title, "
                                              "body, created_at, updated_at) "
                                              "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                              "isssii", c->who.program_id, slug, title, body, now, now);
        /* Two first saves at once: the second finds the slug taken. */
        s = rc == DB_CONSTRAINT ? APP_CONFLICT : app_db_status(rc);
    }
    if (s != APP_OK)
        return s;
    return audit_append(c, "update", "page", old.id, 0,
                        arena_printf(c->a, "Changed the public page %s (%s)", title, slug));
}

/* --- FAQ --- */

static const char *const audience_keys[] = {"teachers", "administrators", "panel_and_cts"};
static const char *const audience_labels[] = {"For teachers", "For administrators",
                                              "About the Panel and the Consulting Teachers"};

const char *faq_audience_key(enum faq_audience a)
{
    return a < FAQ_AUDIENCE_COUNT ? audience_keys[a] : "";
}

const char *faq_audience_label(enum faq_audience a)
{
    return a < FAQ_AUDIENCE_COUNT ? audience_labels[a] : "";
}

static bool faq_audience_parse(const char *key, enum faq_audience *out)
{
    for (int a = 0; key && a < FAQ_AUDIENCE_COUNT; a++)
        if (strcmp(key, audience_keys[a]) == 0) {
            *out = (enum faq_audience)a;
            return true;
        }
    return false;
}

#define FAQ_COLUMNS                                                                        \
    "SELECT id, audience, question, answer, position, published, version, updated_at "     \
    "FROM faq_entry "

static void faq_row(struct ctx *c, db_stmt *st, struct faq_entry *f)
{
    f->id = db_int(st, 0);
    if (!faq_audience_parse(db_text(st, 1), &f->audience))
        f->audience = FAQ_TEACHERS;
    f->question = arena_strdup(c->a, db_text(st, 2));
    f->answer = arena_strdup(c->a, db_text(st, 3));
    f->position = (int)db_int(st, 4);
    f->published = db_int(st, 5) != 0;
    f->version = db_int(st, 6);
    f->updated_at = db_int(st, 7);
}

enum app_status faq_list(struct ctx *c, bool drafts, struct faq_entry **out, int *n)
{
    enum app_status s = visible_to(c, drafts);
    if (s != APP_OK)
        return s;
    /* web/ groups the entries by audience; within one, position decides. */
    db_stmt *st = db_query(c->db,
                           FAQ_COLUMNS "WHERE program_id = ? AND (? = 1 OR published = 1) "
                                       "ORDER BY position, id LIMIT ?",
                           "idd", c->who.program_id, drafts ? 1 : 0, LIST_MAX);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * LIST_MAX);
    *n = 0;
    while (*n < LIST_MAX && db_step(st) == DB_ROW)
        faq_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status faq_get(struct ctx *c, int64_t id, struct faq_entry *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db, FAQ_COLUMNS "WHERE id = ? AND program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        faq_row(c, st, out);
    db_done(st);
    return found && (out->published || sees_drafts(c)) ? APP_OK : APP_NOT_FOUND;
}

struct faq_fields {
    enum faq_audience audience;
    const char *question, *answer;
    int position;                    /* 0: after the audience's last entry */
    bool published;
};

static bool faq_check(struct ctx *c, const struct faq_input *in, struct faq_fields *f,
                      struct errors *errs)
{
    if (!faq_audience_parse(in->audience, &f->audience))
        errors_add(errs, "audience", "Choose whom the question is for.");
    f->question = text_field(c, errs, "question", in->question, TITLE_MAX, "Enter the question.");
    f->answer = text_field(c, errs, "answer", in->answer, TEXT_MAX, "Enter the answer.");
    int64_t pos = in->position && *in->position ? parse_id(in->position) : 0;
    if (in->position && *in->position && (pos < 1 || pos > 999))
        errors_add(errs, "position", "Enter a whole number from 1 to 999, or leave it empty.");
    f->position = (int)pos;
    f->published = yes_no_field(errs, "published", in->published);
    return errs->n == 0;
}

/* An entry given no position goes after its audience's last. */
static int faq_position(struct ctx *c, const struct faq_fields *f)
{
    if (f->position)
        return f->position;
    int64_t last = 0;
    db_int_query(c->db, &last,
                 "SELECT COALESCE(MAX(position), 0) FROM faq_entry WHERE program_id = ? "
                 "AND audience = ?",
                 "is", c->who.program_id, faq_audience_key(f->audience));
    return (int)(last < 999 ? last + 1 : 999);
}

enum app_status faq_create(struct ctx *c, const struct faq_input *in, int64_t *id,
                           struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    struct faq_fields f;
    if (!faq_check(c, in, &f, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO faq_entry (program_id, audience, question, answer, "
                          "position, published, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          "isssddii", c->who.program_id, faq_audience_key(f.audience),
                          f.question, f.answer, faq_position(c, &f), f.published ? 1 : 0, now,
                          now);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "faq", *id, 0,
                        arena_printf(c->a, "Added the FAQ entry \"%s\"%s", f.question,
                                     f.published ? "" : " (not published)"));
}

enum app_status faq_update(struct ctx *c, int64_t id, int64_t version, const struct faq_input *in,
                           struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_CONTENT, NULL);
    struct faq_entry old;
    if (s != APP_OK || (s = faq_get(c, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    struct faq_fields f;
    if (!faq_check(c, in, &f, errs))
        return APP_INVALID;
    s = app_changed_one(c,
                        db_exec(c->db,
                                "UPDATE faq_entry SET audience = ?, question = ?, answer = ?, "
                                "position = ?, published = ?, updated_at = ?, "
                                "version = version + 1 WHERE id = ? AND version = ?",
                                "sssddiii", faq_audience_key(f.audience), f.question, f.answer,
                                faq_position(c, &f), f.published ? 1 : 0, app_now(c), id, version));
    if (s != APP_OK)
        return s;
    return audit_append(c, "update", "faq", id, 0,
                        arena_printf(c->a, "Changed the FAQ entry \"%s\"%s", f.question,
                                     f.published == old.published ? ""
                                     : f.published               ? " and published it"
                                                                 : " and withdrew it"));
}

enum app_status faq_delete(struct ctx *c, int64_t id)
{
    enum app_status s = app_authorize(c, ACT_DELETE, KIND_CONTENT, NULL);
    struct faq_entry old;
    if (s != APP_OK || (s = faq_get(c, id, &old)) != APP_OK)
        return s;
    int rc = db_exec(c->db, "DELETE FROM faq_entry WHERE id = ?", "i", id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "delete", "faq", id, 0,
                        arena_printf(c->a, "Removed the FAQ entry \"%s\"", old.question));
}

/* --- news --- */

#define NEWS_COLUMNS                                                                       \
    "SELECT id, title, body, published_on, published, version, updated_at FROM news_post "

static void news_row(struct ctx *c, db_stmt *st, struct news_post *p)
{
    p->id = db_int(st, 0);
    p->title = arena_strdup(c->a, db_text(st, 1));
    p->body = arena_strdup(c->a, db_text(st, 2));
    p->published_on = arena_strdup(c->a, db_text(st, 3));
    p->published = db_int(st, 4) != 0;
    p->version = db_int(st, 5);
    p->updated_at = db_int(st, 6);
}

enum app_status news_list(struct ctx *c, bool drafts, int limit, struct news_post **out, int *n)
{
    enum app_status s = visible_to(c, drafts);
    if (s != APP_OK)
        return s;
    if (limit < 1 || limit > LIST_MAX)
        limit = LIST_MAX;
    db_stmt *st = db_query(c->db,
                           NEWS_COLUMNS "WHERE program_id = ? AND (? = 1 OR published = 1) "
                                        "ORDER BY published_on DESC, id DESC LIMIT ?",
                           "idd", c->who.program_id, drafts ? 1 : 0, limit);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)limit);
    *n = 0;
    while (*n < limit && db_step(st) == DB_ROW)
        news_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status news_get(struct ctx *c, int64_t id, struct news_post *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db, NEWS_COLUMNS "WHERE id = ? AND program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        news_row(c, st, out);
    db_done(st);
    return found && (out->published || sees_drafts(c)) ? APP_OK : APP_NOT_FOUND;
}

struct news_fields {
    const char *title, *body, *published_on;
    bool published;
};

static bool news_check(struct ctx *c, const struct news_input *in, struct news_fields *f,
                       struct errors *errs)
{
    f->title = text_field(c, errs, "title", in->title, TITLE_MAX, "Enter the post's title.");
    f->body = text_field(c, errs, "body", in->body, TEXT_MAX, "Write the post.");
    int y, m, d;
    f->published_on = in->published_on && *in->published_on ? in->published_on : app_today(c);
    if (!clock_parse_date(f->published_on, &y, &m, &d))
        errors_add(errs, "published_on", "Enter the date as YYYY-MM-DD, or leave it empty "
                                         "for today.");
    f->published = yes_no_field(errs, "published", in->published);
    return errs->n == 0;
}

enum app_status news_create(struct ctx *c, const struct news_input *in, int64_t *id,
                            struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    struct news_fields f;
    if (!news_check(c, in, &f, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO news_post (program_id, title, body, published_on, "
                          "published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          "isssdii", c->who.program_id, f.title, f.body, f.published_on,
                          f.published ? 1 : 0, now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "create", "news", *id, 0,
                        arena_printf(c->a, "Wrote the news post \"%s\"%s", f.title,
                                     f.published ? "" : " (not published)"));
}

enum app_status news_update(struct ctx *c, int64_t id, int64_t version,
                            const struct news_input *in, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_CONTENT, NULL);
    struct news_post old;
    if (s != APP_OK || (s = news_get(c, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    struct news_fields f;
    if (!news_check(c, in, &f, errs))
        return APP_INVALID;
    s = app_changed_one(c, db_exec(c->db,
                                   "UPDATE news_post SET title = ?, body = ?, published_on = ?, "
                                   "published = ?, updated_at = ?, version = version + 1 "
                                   "WHERE id = ? AND version = ?",
                                   "sssdiii", f.title, f.body, f.published_on, f.published ? 1 : 0,
                                   app_now(c), id, version));
    if (s != APP_OK)
        return s;
    return audit_append(c, "update", "news", id, 0,
                        arena_printf(c->a, "Changed the news post \"%s\"%s", f.title,
                                     f.published == old.published ? ""
                                     : f.published               ? " and published it"
                                                                 : " and withdrew it"));
}

enum app_status news_delete(struct ctx *c, int64_t id)
{
    enum app_status s = app_authorize(c, ACT_DELETE, KIND_CONTENT, NULL);
    struct news_post old;
    if (s != APP_OK || (s = news_get(c, id, &old)) != APP_OK)
        return s;
    int rc = db_exec(c->db, "DELETE FROM news_post WHERE id = ?", "i", id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "delete", "news", id, 0,
                        arena_printf(c->a, "Removed the news post \"%s\"", old.title));
}

/* --- resources --- */

#define RESOURCE_COLUMNS                                                                   \
    "SELECT id, title, description, filename, media_type, size, published, version, "     \
    "updated_at FROM resource "

static void resource_row(struct ctx *c, db_stmt *st, struct resource *r)
{
    r->id = db_int(st, 0);
    r->title = arena_strdup(c->a, db_text(st, 1));
    r->description = arena_strdup(c->a, db_text(st, 2));
    r->filename = arena_strdup(c->a, db_text(st, 3));
    r->media_type = arena_strdup(c->a, db_text(st, 4));
    r->size = db_int(st, 5);
    r->published = db_int(st, 6) != 0;
    r->version = db_int(st, 7);
    r->updated_at = db_int(st, 8);
}

enum app_status resource_list(struct ctx *c, bool drafts, struct resource **out, int *n)
{
    enum app_status s = visible_to(c, drafts);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db,
                           RESOURCE_COLUMNS "WHERE program_id = ? AND (? = 1 OR published = 1) "
                                            "ORDER BY title, id LIMIT ?",
                           "idd", c->who.program_id, drafts ? 1 : 0, LIST_MAX);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * LIST_MAX);
    *n = 0;
    while (*n < LIST_MAX && db_step(st) == DB_ROW)
        resource_row(c, st, &(*out)[(*n)++]);
    db_done(st);
    return APP_OK;
}

enum app_status resource_get(struct ctx *c, int64_t id, struct resource *out)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    db_stmt *st = db_query(c->db, RESOURCE_COLUMNS "WHERE id = ? AND program_id = ?", "ii", id,
                           c->who.program_id);
    if (!st)
        return APP_ERROR;
    bool found = db_step(st) == DB_ROW;
    if (found)
        resource_row(c, st, out);
    db_done(st);
    return found && (out->published || sees_drafts(c)) ? APP_OK : APP_NOT_FOUND;
}

enum app_status resource_download(struct ctx *c, int64_t id, struct resource *out,
                                  const char **data, size_t *len)
{
    enum app_status s = resource_get(c, id, out);
    if (s != APP_OK)
        return s;
    return upload_read(c, "SELECT content FROM resource_file WHERE resource_id = ?", id, data,
                       len);
}

/* Issue 6: the bytes decide the type (upload.h). */
static enum document_type upload_of(struct ctx *c, const struct resource_input *in,
                                    struct errors *errs)
{
    const struct upload u = {in->filename, in->data, in->len};
    return upload_check(c, &u, DOCS_ANY, "the site offers for download", errs);
}

struct resource_fields {
    const char *title, *description;
    bool published;
    enum document_type type;         /* DOC_UNKNOWN: no new file */
};

/* id: the document whose file a new one replaces, 0 for a new document. */
static bool resource_check(struct ctx *c, int64_t id, const struct resource_input *in,
                           bool file_required, struct resource_fields *f, struct errors *errs)
{
    f->title = text_field(c, errs, "title", in->title, TITLE_MAX, "Enter the document's title.");
    f->description = text_field(c, errs, "description", in->description, SHORT_TEXT_MAX, NULL);
    f->published = yes_no_field(errs, "published", in->published);
    f->type = DOC_UNKNOWN;
    if (in->data && (f->type = upload_of(c, in, errs)) != DOC_UNKNOWN)
        upload_quota_check(c, 0, id, in->len, errs);
    else if (!in->data && file_required)
        errors_add(errs, "file",
                   arena_printf(c->a, "Choose the file to upload: %s.",
                                document_accepted(c->a, DOCS_ANY)));
    return errs->n == 0;
}

/* Stores the file's bytes and its name, type and size on the record. */
static enum app_status resource_file_store(struct ctx *c, int64_t id,
                                           const struct resource_input *in,
                                           enum document_type t)
{
    int rc = db_exec(c->db, "DELETE FROM resource_file WHERE resource_id = ?", "i", id);
    if (rc == DB_OK)
        rc = db_exec(c->db, "INSERT INTO resource_file (resource_id, content) VALUES (?, ?)",
                     "ib", id, &(struct db_blob){in->data, in->len});
    if (rc == DB_OK)
        rc = db_exec(c->db, "UPDATE resource SET filename = ?, media_type = ?, size = ?, "
                            "uploaded_by = ? WHERE id = ?",
                     "ssisi", upload_name(c->a, in->filename, t), document_media_type(t),
                     (int64_t)in->len,
                     c->who.person_id ? arena_printf(c->a, "%" PRId64, c->who.person_id) : NULL,
                     id);
    return app_db_status(rc);
}

enum app_status resource_create(struct ctx *c, const struct resource_input *in, int64_t *id,
                                struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    struct resource_fields f;
    if (!resource_check(c, 0, in, true, &f, errs))
        return APP_INVALID;
    int64_t now = app_now(c);
    int rc = db_int_query(c->db, id,
                          "INSERT INTO resource (program_id, title, description, filename, "
                          "media_type, size, published, created_at, updated_at) "
                          "VALUES (?, ?, ?, '', '', 0, ?, ?, ?) RETURNING id",
                          "issdii", c->who.program_id, f.title, f.description,
                          f.published ? 1 : 0, now, now);
    if (rc != DB_OK)
        return app_db_status(rc);
    if ((s = resource_file_store(c, *id, in, f.type)) != APP_OK)
        return s;
    return audit_append(c, "create", "resource", *id, 0,
                        arena_printf(c->a, "Uploaded the resource \"%s\" (%s, %zu bytes)%s",
                                     f.title, document_label(f.type), in->len,
                                     f.published ? "" : " (not published)"));
}

enum app_status resource_update(struct ctx *c, int64_t id, int64_t version,
                                const struct resource_input *in, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_CONTENT, NULL);
    struct resource old;
    if (s != APP_OK || (s = resource_get(c, id, &old)) != APP_OK)
        return s;
    if (old.version != version)
        return APP_CONFLICT;
    struct resource_fields f;
    if (!resource_check(c, id, in, false, &f, errs))
        return APP_INVALID;
    s = app_changed_one(c, db_exec(c->db,
                                   "UPDATE resource SET title = ?, description = ?, published = ?, "
                                   "updated_at = ?, version = version + 1 "
                                   "WHERE id = ? AND version = ?",
                                   "ssdiii", f.title, f.description, f.published ? 1 : 0,
                                   app_now(c), id, version));
    if (s == APP_OK && f.type != DOC_UNKNOWN)
        s = resource_file_store(c, id, in, f.type);
    if (s != APP_OK)
        return s;
    return audit_append(c, "update", "resource", id, 0,
                        arena_printf(c->a, "Changed the resource \"%s\"%s%s", f.title,
                                     f.type != DOC_UNKNOWN ? " and replaced its file" : "",
                                     f.published == old.published ? ""
                                     : f.published               ? "; published it"
                                                                 : "; withdrew it"));
}

enum app_status resource_delete(struct ctx *c, int64_t id)
{
    enum app_status s = app_authorize(c, ACT_DELETE, KIND_CONTENT, NULL);
    struct resource old;
    if (s != APP_OK || (s = resource_get(c, id, &old)) != APP_OK)
        return s;
    int rc = db_exec(c->db, "DELETE FROM resource_file WHERE resource_id = ?", "i", id);
    if (rc == DB_OK)
        rc = db_exec(c->db, "DELETE FROM resource WHERE id = ?", "i", id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "delete", "resource", id, 0,
                        arena_printf(c->a, "Removed the resource \"%s\"", old.title));
}

/* --- feedback --- */

const char *feedback_attribution(const char *role)
{
    if (role && strcmp(role, "teacher") == 0)
        return "a teacher";
    if (role && strcmp(role, "administrator") == 0)
        return "an administrator";
    return NULL;
}

#define FEEDBACK_WINDOW 3600   /* feedback_per_hour counts this many seconds */

/* Against spam (issue 15): at most feedback_per_hour comments from one
 * address in an hour. The comment is anonymous; the counter keeps the
 * address and a count, and is gone soon after its hour. */
static enum app_status feedback_rate(struct ctx *c, const char *key, struct rate_refusal *refused)
{
    struct rate r;
    refused->limit = program_setting_int(c, "feedback_per_hour");
    if (rate_get(c, key, &r) != APP_OK)
        return APP_ERROR;
    refused->retry_at = r.window_end;
    return r.events < refused->limit ? APP_OK : APP_THROTTLED;
}

enum app_status feedback_submit(struct ctx *c, const struct feedback_input *in, bool *stored,
                                struct rate_refusal *refused, struct errors *errs)
{
    enum app_status s = app_authorize(c, ACT_CREATE, KIND_FEEDBACK, NULL);
    *stored = false;
    if (s != APP_OK)
        return s;
    /* The honeypot: people never see the field, so whatever fills it is a
     * program. It is told "thank you" like anyone, and nothing is kept. */
    if (in->honeypot && *in->honeypot)
        return APP_OK;
    const char *role = in->role ? in->role : "";
    if (*role && !feedback_attribution(role))
        errors_add(errs, "role", "Choose one of the answers, or leave it unanswered.");
    const char *comment = text_field(c, errs, "comment", in->comment, COMMENT_MAX,
                                     "Write your comment.");
    if (errs->n)
        return APP_INVALID;
    const char *key = arena_printf(c->a, "feedback:%s", c->address ? c->address : "");
    if ((s = feedback_rate(c, key, refused)) != APP_OK ||
        (s = rate_add(c, key, FEEDBACK_WINDOW, 1)) != APP_OK)
        return s;
    int64_t id;
    int rc = db_int_query(c->db, &id,
                          "INSERT INTO feedback (program_id, role, comment, created_at) "
                          "VALUES (?, ?, ?, ?) RETURNING id",
                          "issi", c->who.program_id, role, comment, app_now(c));
    if (rc != DB_OK)
        return app_db_status(rc);
    *stored = true;
    return audit_append(c, "create", "feedback", id, 0,
                        arena_printf(c->a, "Feedback received (%zu characters)",
                                     utf8_length(comment)));
}

enum app_status feedback_list(struct ctx *c, bool published_only, int limit,
                              struct feedback **out, int *n)
{
    enum app_status s = published_only ? app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL)
                                       : app_authorize(c, ACT_LIST, KIND_FEEDBACK, NULL);
    if (s != APP_OK)
        return s;
    if (limit < 1 || limit > LIST_MAX)
        limit = LIST_MAX;
    db_stmt *st = db_query(c->db,
                           "SELECT id, created_at, role, comment, published FROM feedback "
                           "WHERE program_id = ? AND (? = 0 OR published = 1) "
                           "ORDER BY published_at DESC, created_at DESC, id DESC LIMIT ?",
                           "idd", c->who.program_id, published_only ? 1 : 0, limit);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * (size_t)limit);
    *n = 0;
    while (*n < limit && db_step(st) == DB_ROW) {
        struct feedback *f = &(*out)[(*n)++];
        f->id = db_int(st, 0);
        f->created_at = db_int(st, 1);
        f->role = arena_strdup(c->a, db_text(st, 2));
        f->comment = arena_strdup(c->a, db_text(st, 3));
        f->published = db_int(st, 4) != 0;
    }
    db_done(st);
    return APP_OK;
}

static bool feedback_exists(struct ctx *c, int64_t id)
{
    int64_t found = 0;
    db_int_query(c->db, &found, "SELECT id FROM feedback WHERE id = ? AND program_id = ?", "ii",
                 id, c->who.program_id);
    return found != 0;
}

enum app_status feedback_publish(struct ctx *c, int64_t id, bool publish)
{
    enum app_status s = app_authorize(c, ACT_EDIT, KIND_FEEDBACK, NULL);
    if (s != APP_OK)
        return s;
    if (!feedback_exists(c, id))
        return APP_NOT_FOUND;
    int rc = db_exec(c->db, "UPDATE feedback SET published = ?, published_at = ? WHERE id = ?",
                     "dii", publish ? 1 : 0, publish ? app_now(c) : 0, id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, publish ? "publish" : "withdraw", "feedback", id, 0,
                        publish ? "Published a comment as a quote on the public site"
                                : "Withdrew a quote from the public site");
}

enum app_status feedback_delete(struct ctx *c, int64_t id)
{
    enum app_status s = app_authorize(c, ACT_DELETE, KIND_FEEDBACK, NULL);
    if (s != APP_OK)
        return s;
    if (!feedback_exists(c, id))
        return APP_NOT_FOUND;
    int rc = db_exec(c->db, "DELETE FROM feedback WHERE id = ?", "i", id);
    if (rc != DB_OK)
        return app_db_status(rc);
    return audit_append(c, "delete", "feedback", id, 0, "Removed a comment");
}

/* --- the team --- */

enum app_status team_list(struct ctx *c, struct team_member **out, int *n)
{
    enum app_status s = app_authorize(c, ACT_VIEW, KIND_CONTENT, NULL);
    if (s != APP_OK)
        return s;
    /* R29: a Panel member whose term has ended no longer sits on it. */
    db_stmt *st = db_query(c->db,
                           "SELECT p.name, r.role, r.seat, r.term_start, r.term_end "
                           "FROM person_role r JOIN person p ON p.id = r.person_id "
                           "WHERE p.program_id = ? AND p.active = 1 AND (r.role = "
                           "'consulting_teacher' OR (r.role = 'panel_member' AND "
                           "(r.term_end = '' OR r.term_end >= ?))) "
                           "ORDER BY r.role, r.seat DESC, p.name LIMIT ?",
                           "isd", c->who.program_id, app_today(c), LIST_MAX);
    if (!st)
        return APP_ERROR;
    *out = arena_alloc(c->a, sizeof **out * LIST_MAX);
    *n = 0;
    while (*n < LIST_MAX && db_step(st) == DB_ROW) {
        struct team_member *m = &(*out)[*n];
        if (!role_parse(db_text(st, 1), &m->role))
            continue;
        m->name = arena_strdup(c->a, db_text(st, 0));
        m->seat = arena_strdup(c->a, db_text(st, 2));
        m->term_start = arena_strdup(c->a, db_text(st, 3));
        m->term_end = arena_strdup(c->a, db_text(st, 4));
        (*n)++;
    }
    db_done(st);
    return APP_OK;
}
