/* content.h: the public site's content, which the coordinator edits in the
 * application (pages, FAQ, news, resources), and visitors' feedback. Anyone
 * reads what is published; only the coordinator sees drafts and changes
 * anything (policy.c, KIND_CONTENT and KIND_FEEDBACK). Texts are Markdown;
 * web/ renders them with out/markdown.h. */
#ifndef PARLEY_APP_CONTENT_H
#define PARLEY_APP_CONTENT_H

#include "app/rate.h"

#include <stddef.h>

#include "app/app.h"
#include "domain/role.h"

/* --- pages: a fixed set, one per public address --- */

struct site_page {
    int64_t id, version, updated_at;  /* id 0: never saved; shows the default title */
    const char *slug, *title, *body;
};
struct page_input {
    const char *title, *body;
};
/* The editable pages' slugs, in menu order ("home", "about"...), and the
 * title a page has before anyone writes it. */
extern const char *const site_page_slugs[];
extern const int site_page_count;
const char *site_page_default_title(const char *slug);   /* NULL: no such page */

enum app_status site_page_get(struct ctx *c, const char *slug, struct site_page *out);
/* version: what the editor saw (0 for a page never saved). */
enum app_status site_page_save(struct ctx *c, const char *slug, int64_t version,
                               const struct page_input *in, struct errors *errs);

/* --- FAQ --- */

enum faq_audience { FAQ_TEACHERS, FAQ_ADMINISTRATORS, FAQ_PANEL_AND_CTS, FAQ_AUDIENCE_COUNT };
const char *faq_audience_key(enum faq_audience a);     /* "panel_and_cts" */
const char *faq_audience_label(enum faq_audience a);   /* "About the Panel and the CTs" */

struct faq_entry {
    int64_t id, version, updated_at;
    enum faq_audience audience;
    const char *question, *answer;
    int position;
    bool published;
};
struct faq_input {
    const char *audience, *question, *answer, *position, *published;
};
/* drafts: the coordinator's list (all entries); else the published ones.
 * Ordered by audience, then position. */
enum app_status faq_list(struct ctx *c, bool drafts, struct faq_entry **out, int *n);
enum app_status faq_get(struct ctx *c, int64_t id, struct faq_entry *out);
enum app_status faq_create(struct ctx *c, const struct faq_input *in, int64_t *id,
                           struct errors *errs);
enum app_status faq_update(struct ctx *c, int64_t id, int64_t version, const struct faq_input *in,
                           struct errors *errs);
enum app_status faq_delete(struct ctx *c, int64_t id);

/* --- news --- */

struct news_post {
    int64_t id, version, updated_at;
    const char *title, *body, *published_on;   /* YYYY-MM-DD */
    bool published;
};
struct news_input {
    const char *title, *body, *published_on, *published;
};
/* Newest first; at most limit. drafts: as for faq_list. */
enum app_status news_list(struct ctx *c, bool drafts, int limit, struct news_post **out, int *n);
/* A draft is APP_NOT_FOUND to anyone but the coordinator. */
enum app_status news_get(struct ctx *c, int64_t id, struct news_post *out);
enum app_status news_create(struct ctx *c, const struct news_input *in, int64_t *id,
                            struct errors *errs);
enum app_status news_update(struct ctx *c, int64_t id, int64_t version,
                            const struct news_input *in, struct errors *errs);
enum app_status news_delete(struct ctx *c, int64_t id);

/* --- resources: documents to download --- */

struct resource {
    int64_t id, version, updated_at, size;
    const char *title, *description, *filename, *media_type;
    bool published;
};
struct resource_input {
    const char *title, *description, *published;
    /* The uploaded file; data NULL: none sent (an edit keeps the old one). */
    const char *filename;
    const char *data;
    size_t len;
};
enum app_status resource_list(struct ctx *c, bool drafts, struct resource **out, int *n);
enum app_status resource_get(struct ctx *c, int64_t id, struct resource *out);
/* The bytes to download (in c->a) with the record. */
enum app_status resource_download(struct ctx *c, int64_t id, struct resource *out,
                                  const char **data, size_t *len);
/* The file's type is checked by its content (domain/document.h): a file
 * whose bytes are not what its name says is refused, naming both. */
enum app_status resource_create(struct ctx *c, const struct resource_input *in, int64_t *id,
                                struct errors *errs);
enum app_status resource_update(struct ctx *c, int64_t id, int64_t version,
                                const struct resource_input *in, struct errors *errs);
enum app_status resource_delete(struct ctx *c, int64_t id);

/* --- feedback: "tell us what you think" --- */

struct feedback {
    int64_t id, created_at;
    const char *role;                /* "teacher", "administrator" or "" */
    const char *comment;
    bool published;
};
struct feedback_input {
    const char *role, *comment;
    const char *honeypot;            /* a field people never see: bots fill it */
};
/* *stored is false when the honeypot was filled: the answer is the same
 * as for a real comment (a bot learns nothing), but nothing is written.
 * APP_THROTTLED with *refused over feedback_per_hour from one address. */
enum app_status feedback_submit(struct ctx *c, const struct feedback_input *in, bool *stored,
                                struct rate_refusal *refused, struct errors *errs);
/* published_only: the quotes shown on the public pages (anyone), newest
 * first; else every comment (the coordinator). At most limit. */
enum app_status feedback_list(struct ctx *c, bool published_only, int limit,
                              struct feedback **out, int *n);
enum app_status feedback_publish(struct ctx *c, int64_t id, bool publish);
enum app_status feedback_delete(struct ctx *c, int64_t id);
/* "a teacher", "an administrator", or NULL: how a quote is attributed. */
const char *feedback_attribution(const char *role);

/* --- the people the About page introduces --- */

struct team_member {
    const char *name;
    enum role role;                  /* consulting teacher or Panel member */
    const char *seat, *term_start, *term_end;   /* Panel members */
};
/* The program's Consulting Teachers and Panel members, names only (and a
 * Panel member's seat and term, R29): what the public site says of them. */
enum app_status team_list(struct ctx *c, struct team_member **out, int *n);

#endif
