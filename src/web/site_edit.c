/* site_edit.c: the coordinator edits the public site: its pages, FAQ,
 * news and resources, and reads and publishes feedback. After a save the
 * edit page shows a preview of the saved text as visitors will see it. */
#include <inttypes.h>
#include <string.h>

#include "app/content.h"
#include "domain/people.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/site.h"
#include "web/web.h"

#define MARKDOWN_HINT                                                                      \
    "Markdown: a blank line between paragraphs, **bold**, [a link](https://example.org), " \
    "lines starting with - for a list. HTML is not allowed and is removed."

static void published_field(req *r, const char *value, const struct errors *errs)
{
    field_yes_no(r, &(struct field){.name = "published", .label = "Show it on the public site?",
                                    .value = value},
                 errs);
}

static void preview(req *r, const char *title, const char *md)
{
    html_raw(&r->out, "<section class=\"preview\" aria-labelledby=\"preview\">"
                      "<h2 id=\"preview\">Preview of the saved text</h2>");
    if (title)
        html_printf(&r->out, "<h3>%s</h3>", title);
    site_markdown(r, md);
    html_raw(&r->out, "</section>");
}

static const char *yes_no(bool b)
{
    return b ? "yes" : "no";
}

static const char *shown(bool published)
{
    return published ? "Published" : "Not published";
}

/* After a write: the use case's failure, or the message shown once and a
 * redirect to what was written (POST, then GET). */
static void site_done(req *r, enum app_status s, enum record_kind kind, const char *done,
                      const char *to)
{
    if (s != APP_OK) {
        web_fail(r, s, kind);
        return;
    }
    web_flash(r, done);
    res_redirect(r, to);
}

static const char *edit_path(req *r, const char *collection, int64_t id)
{
    return arena_printf(r->a, "/site/%s/%" PRId64 "/edit", collection, id);
}

/* --- the overview --- */

static void pages_table(req *r)
{
    html_raw(&r->out, "<h2>Pages</h2>");
    table_begin(r, NULL, false, (const char *const[]){"Page", "Address", "Action"}, 3);
    for (int i = 0; i < site_page_count; i++) {
        struct site_page p;
        const char *slug = site_page_slugs[i];
        if (site_page_get(ctx_of(r), slug, &p) != APP_OK)
            continue;
        const char *path = strcmp(slug, "home") == 0 ? "/" : arena_printf(r->a, "/%s", slug);
        html_printf(&r->out, "<tr><td>%s</td><td><a href=\"%s\">%s</a></td><td>"
                             "<a href=\"/site/pages/%s/edit\">Edit<span class=\"visually-hidden\"> "
                             "%s</span></a></td></tr>",
                    p.title, path, path, slug, p.title);
    }
    table_end(r);
}

static void faq_table(req *r, const struct faq_entry *faq, int n)
{
    html_raw(&r->out, "<h2>Frequently asked questions</h2><p class=\"page-actions\"><a "
                      "class=\"button\" href=\"/site/faq/new\">Add a question</a></p>");
    table_begin(r, NULL, false, (const char *const[]){"Question", "For", "Order", "Shown"}, 4);
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<tr><td><a href=\"/site/faq/%lld/edit\">%s</a></td><td>%s</td>"
                             "<td>%d</td><td>%s</td></tr>",
                    (long long)faq[i].id, faq[i].question, faq_audience_label(faq[i].audience),
                    faq[i].position, shown(faq[i].published));
    table_end(r);
}

static void news_table(req *r, const struct news_post *posts, int n)
{
    html_raw(&r->out, "<h2>News</h2><p class=\"page-actions\"><a class=\"button\" "
                      "href=\"/site/news/new\">Write a post</a></p>");
    table_begin(r, NULL, false, (const char *const[]){"Title", "Date", "Shown"}, 3);
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<tr><td><a href=\"/site/news/%lld/edit\">%s</a></td><td>%s</td>"
                             "<td>%s</td></tr>",
                    (long long)posts[i].id, posts[i].title, posts[i].published_on,
                    shown(posts[i].published));
    table_end(r);
}

static void resources_table(req *r, const struct resource *res, int n)
{
    html_raw(&r->out, "<h2>Resources</h2><p class=\"page-actions\"><a class=\"button\" "
                      "href=\"/site/resources/new\">Upload a document</a></p>");
    table_begin(r, NULL, false, (const char *const[]){"Title", "File", "Shown"}, 3);
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<tr><td><a href=\"/site/resources/%lld/edit\">%s</a></td>"
                             "<td>%s</td><td>%s</td></tr>",
                    (long long)res[i].id, res[i].title, res[i].filename,
                    shown(res[i].published));
    table_end(r);
}

void page_site_admin(req *r)
{
    struct ctx *c = ctx_of(r);
    struct faq_entry *faq;
    struct news_post *posts;
    struct resource *res;
    int nfaq, nnews, nres;
    enum app_status s = faq_list(c, true, &faq, &nfaq);
    if (s == APP_OK)
        s = news_list(c, true, 0, &posts, &nnews);
    if (s == APP_OK)
        s = resource_list(c, true, &res, &nres);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    page_begin(r, "Public site");
    html_raw(&r->out, "<p>What visitors read, without signing in. Every change is in the audit "
                      "log. <a href=\"/site/feedback\">Read the feedback</a>.</p>");
    pages_table(r);
    faq_table(r, faq, nfaq);
    news_table(r, posts, nnews);
    resources_table(r, res, nres);
    page_end(r);
}

/* --- pages --- */

static void site_page_form(req *r, const char *slug, const struct page_input *in,
                           int64_t version, const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "/site/pages/%s", slug));
    version_field(r, version);
    field_input(r, &(struct field){.name = "title", .label = "Title", .value = in->title,
                                   .required = true},
                errs);
    field_textarea(r, &(struct field){.name = "body", .label = "Text", .value = in->body,
                                      .hint = MARKDOWN_HINT},
                   errs);
    form_end(r, "Save the page");
}

static void site_page_edit_page(req *r, const struct site_page *saved, const struct page_input *in,
                                const struct errors *errs)
{
    page_begin(r, arena_printf(r->a, "Edit the page: %s", saved->title));
    site_page_form(r, saved->slug, in, saved->version, errs);
    preview(r, saved->title, saved->body);
    page_end(r);
}

void page_site_page_edit(req *r)
{
    struct site_page p;
    enum app_status s = site_page_get(ctx_of(r), req_param(r, "slug"), &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    site_page_edit_page(r, &p, &(struct page_input){p.title, p.body}, NULL);
}

void do_site_page_save(req *r)
{
    struct ctx *c = ctx_of(r);
    const char *slug = req_param(r, "slug");
    struct page_input in = {form_value(r, "title"), form_value(r, "body")};
    struct errors errs = {0};
    enum app_status s = site_page_save(c, slug, parse_id(req_form(r, "version")), &in, &errs);
    struct site_page p;
    if (s == APP_INVALID && site_page_get(c, slug, &p) == APP_OK) {
        r->status = 400;
        site_page_edit_page(r, &p, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT, "The page is saved. The preview shows it as visitors see it.",
              arena_printf(r->a, "/site/pages/%s/edit", slug));
}

/* --- FAQ --- */

static struct faq_input faq_input_from_form(req *r)
{
    return (struct faq_input){
        .audience = form_value(r, "audience"), .question = form_value(r, "question"),
        .answer = form_value(r, "answer"), .position = form_value(r, "position"),
        .published = form_value(r, "published"),
    };
}

static void faq_form(req *r, const char *action, const struct faq_input *in, int64_t version,
                     const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, action);
    if (version)
        version_field(r, version);
    struct option audiences[FAQ_AUDIENCE_COUNT + 1] = {{"", "Choose whom it is for"}};
    for (int a = 0; a < FAQ_AUDIENCE_COUNT; a++)
        audiences[a + 1] = (struct option){faq_audience_key((enum faq_audience)a),
                                           faq_audience_label((enum faq_audience)a)};
    field_select(r, &(struct field){.name = "audience", .label = "For whom", .value = in->audience,
                                    .required = true},
                 audiences, FAQ_AUDIENCE_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "question", .label = "Question", .value = in->question,
                                   .required = true},
                errs);
    field_textarea(r, &(struct field){.name = "answer", .label = "Answer", .value = in->answer,
                                      .required = true, .hint = MARKDOWN_HINT},
                   errs);
    field_input(r, &(struct field){.name = "position", .label = "Order", .type = "number",
                                   .value = in->position,
                                   .hint = "1 comes first. Empty: after the last question for "
                                           "the same audience."},
                errs);
    published_field(r, in->published, errs);
    form_end(r, version ? "Save the question" : "Add the question");
}

static void faq_edit_page(req *r, const struct faq_entry *saved, const struct faq_input *in,
                          const struct errors *errs)
{
    page_begin(r, "Edit a question");
    faq_form(r, arena_printf(r->a, "/site/faq/%" PRId64, saved->id), in, saved->version, errs);
    preview(r, saved->question, saved->answer);
    html_raw(&r->out, "<h2>Remove</h2><p>Rather than remove it, you can stop showing it: answer "
                      "No above.</p>");
    button_form(r, arena_printf(r->a, "/site/faq/%" PRId64 "/delete", saved->id),
                "Remove this question", "button button-danger");
    page_end(r);
}

static void faq_new_page(req *r, const struct faq_input *in, const struct errors *errs)
{
    page_begin(r, "Add a question");
    faq_form(r, "/site/faq", in, 0, errs);
    page_end(r);
}

void page_faq_new(req *r)
{
    faq_new_page(r, &(struct faq_input){.published = "yes"}, NULL);
}

void do_faq_create(req *r)
{
    struct faq_input in = faq_input_from_form(r);
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = faq_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        faq_new_page(r, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT,
              "The question is added. The preview shows the answer as visitors see it.",
              edit_path(r, "faq", id));
}

void page_faq_edit(req *r)
{
    struct faq_entry f;
    enum app_status s = faq_get(ctx_of(r), req_id(r, "id"), &f);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    struct faq_input in = {faq_audience_key(f.audience), f.question, f.answer,
                           arena_printf(r->a, "%d", f.position), yes_no(f.published)};
    faq_edit_page(r, &f, &in, NULL);
}

void do_faq_update(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "id");
    struct faq_input in = faq_input_from_form(r);
    struct errors errs = {0};
    enum app_status s = faq_update(c, id, parse_id(req_form(r, "version")), &in, &errs);
    struct faq_entry f;
    if (s == APP_INVALID && faq_get(c, id, &f) == APP_OK) {
        r->status = 400;
        faq_edit_page(r, &f, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT,
              "The question is saved. The preview shows the answer as visitors see it.",
              edit_path(r, "faq", id));
}

void do_faq_delete(req *r)
{
    site_done(r, faq_delete(ctx_of(r), req_id(r, "id")), KIND_CONTENT, "The question is removed.",
              "/site");
}

/* --- news --- */

static struct news_input news_input_from_form(req *r)
{
    return (struct news_input){
        .title = form_value(r, "title"), .body = form_value(r, "body"),
        .published_on = form_value(r, "published_on"), .published = form_value(r, "published"),
    };
}

static void news_form(req *r, const char *action, const struct news_input *in, int64_t version,
                      const struct errors *errs)
{
    form_errors(r, errs);
    form_begin(r, action);
    if (version)
        version_field(r, version);
    field_input(r, &(struct field){.name = "title", .label = "Title", .value = in->title,
                                   .required = true},
                errs);
    field_textarea(r, &(struct field){.name = "body", .label = "Text", .value = in->body,
                                      .required = true, .hint = MARKDOWN_HINT},
                   errs);
    field_input(r, &(struct field){.name = "published_on", .label = "Date shown", .type = "date",
                                   .value = in->published_on,
                                   .hint = "Leave it empty for today."},
                errs);
    published_field(r, in->published, errs);
    form_end(r, version ? "Save the post" : "Add the post");
}

static void news_edit_page(req *r, const struct news_post *saved, const struct news_input *in,
                           const struct errors *errs)
{
    page_begin(r, "Edit a news post");
    news_form(r, arena_printf(r->a, "/site/news/%" PRId64, saved->id), in, saved->version, errs);
    preview(r, saved->title, saved->body);
    html_raw(&r->out, "<h2>Remove</h2><p>To withdraw it for now, answer No above instead.</p>");
    button_form(r, arena_printf(r->a, "/site/news/%" PRId64 "/delete", saved->id),
                "Remove this post", "button button-danger");
    page_end(r);
}

static void news_new_page(req *r, const struct news_input *in, const struct errors *errs)
{
    page_begin(r, "Write a news post");
    news_form(r, "/site/news", in, 0, errs);
    page_end(r);
}

void page_news_new(req *r)
{
    news_new_page(r, &(struct news_input){.published = "yes"}, NULL);
}

void do_news_create(req *r)
{
    struct news_input in = news_input_from_form(r);
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = news_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        news_new_page(r, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT, "The post is saved. The preview shows it as visitors see it.",
              edit_path(r, "news", id));
}

void page_news_edit(req *r)
{
    struct news_post p;
    enum app_status s = news_get(ctx_of(r), req_id(r, "id"), &p);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    struct news_input in = {p.title, p.body, p.published_on, yes_no(p.published)};
    news_edit_page(r, &p, &in, NULL);
}

void do_news_update(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "id");
    struct news_input in = news_input_from_form(r);
    struct errors errs = {0};
    enum app_status s = news_update(c, id, parse_id(req_form(r, "version")), &in, &errs);
    struct news_post p;
    if (s == APP_INVALID && news_get(c, id, &p) == APP_OK) {
        r->status = 400;
        news_edit_page(r, &p, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT, "The post is saved. The preview shows it as visitors see it.",
              edit_path(r, "news", id));
}

void do_news_delete(req *r)
{
    site_done(r, news_delete(ctx_of(r), req_id(r, "id")), KIND_CONTENT, "The post is removed.",
              "/site");
}

/* --- resources --- */

static struct resource_input resource_input_from_form(req *r)
{
    struct resource_input in = {
        .title = form_value(r, "title"), .description = form_value(r, "description"),
        .published = form_value(r, "published"),
    };
    /* No file chosen: "keep the file", not an empty upload. */
    struct upload f = form_file(r, "file");
    in.filename = f.filename;
    in.data = f.data;
    in.len = f.len;
    return in;
}

static void resource_form(req *r, const char *action, const struct resource_input *in,
                          int64_t version, const struct errors *errs)
{
    form_errors(r, errs);
    form_begin_upload(r, action);
    if (version)
        version_field(r, version);
    document_fields(r, in->title, in->description, errs);
    field_input(r, &(struct field){.name = "file", .label = version ? "Replace the file" : "File",
                                   .type = "file", .required = !version,
                                   .hint = "PDF, Word (.docx), Excel (.xlsx), CSV, plain text "
                                           "(.txt) or PNG, up to the server's upload limit. The "
                                           "file is checked by its content."},
                errs);
    published_field(r, in->published, errs);
    form_end(r, version ? "Save the document" : "Upload the document");
}

static void resource_edit_page(req *r, const struct resource *saved,
                               const struct resource_input *in, const struct errors *errs)
{
    page_begin(r, "Edit a document");
    html_printf(&r->out, "<p>Now: <a href=\"/resources/%lld/download\">%s</a> (%s).</p>",
                (long long)saved->id, saved->filename, saved->media_type);
    resource_form(r, arena_printf(r->a, "/site/resources/%" PRId64, saved->id), in,
                  saved->version, errs);
    html_raw(&r->out, "<h2>Remove</h2><p>To withdraw it for now, answer No above instead.</p>");
    button_form(r, arena_printf(r->a, "/site/resources/%" PRId64 "/delete", saved->id),
                "Remove this document", "button button-danger");
    page_end(r);
}

static void resource_new_page(req *r, const struct resource_input *in, const struct errors *errs)
{
    page_begin(r, "Upload a document");
    resource_form(r, "/site/resources", in, 0, errs);
    page_end(r);
}

void page_resource_new(req *r)
{
    resource_new_page(r, &(struct resource_input){.published = "yes"}, NULL);
}

void do_resource_create(req *r)
{
    struct resource_input in = resource_input_from_form(r);
    struct errors errs = {0};
    int64_t id = 0;
    enum app_status s = resource_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        resource_new_page(r, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT, "The document is uploaded.", edit_path(r, "resources", id));
}

void page_resource_edit(req *r)
{
    struct resource res;
    enum app_status s = resource_get(ctx_of(r), req_id(r, "id"), &res);
    if (s != APP_OK) {
        web_fail(r, s, KIND_CONTENT);
        return;
    }
    struct resource_input in = {.title = res.title, .description = res.description,
                                .published = yes_no(res.published)};
    resource_edit_page(r, &res, &in, NULL);
}

void do_resource_update(req *r)
{
    struct ctx *c = ctx_of(r);
    int64_t id = req_id(r, "id");
    struct resource_input in = resource_input_from_form(r);
    struct errors errs = {0};
    enum app_status s = resource_update(c, id, parse_id(req_form(r, "version")), &in, &errs);
    struct resource res;
    if (s == APP_INVALID && resource_get(c, id, &res) == APP_OK) {
        r->status = 400;
        resource_edit_page(r, &res, &in, &errs);
        return;
    }
    site_done(r, s, KIND_CONTENT, "The document is saved.", edit_path(r, "resources", id));
}

void do_resource_delete(req *r)
{
    site_done(r, resource_delete(ctx_of(r), req_id(r, "id")), KIND_CONTENT,
              "The document is removed.", "/site");
}

/* --- feedback --- */

static void feedback_row(req *r, const struct feedback *f)
{
    const char *who = feedback_attribution(f->role);
    html_printf(&r->out, "<tr><td>%s</td><td>", f->comment);
    html_time(r, f->created_at);
    html_printf(&r->out, "</td><td>%s</td><td>%s</td><td>", who ? who : "—", shown(f->published));
    const char *base = arena_printf(r->a, "/site/feedback/%" PRId64, f->id);
    if (f->published)
        button_form(r, arena_printf(r->a, "%s/withdraw", base), "Withdraw the quote",
                    "button button-secondary");
    else
        button_form(r, arena_printf(r->a, "%s/publish", base), "Publish as a quote",
                    "button button-secondary");
    button_form(r, arena_printf(r->a, "%s/delete", base), "Remove", "button button-danger");
    html_raw(&r->out, "</td></tr>");
}

void page_feedback_admin(req *r)
{
    struct feedback *rows;
    int n;
    enum app_status s = feedback_list(ctx_of(r), false, 0, &rows, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_FEEDBACK);
        return;
    }
    page_begin(r, "Feedback");
    html_raw(&r->out, "<p>What visitors told us, newest first. A published comment appears on "
                      "the home page and the Track Record page, attributed only as \"a teacher\" "
                      "or \"an administrator\" when the writer said so. Remove any comment that "
                      "names someone.</p>");
    if (!n)
        html_raw(&r->out, "<p>No feedback yet.</p>");
    else
        table_begin(r, NULL, false,
                    (const char *const[]){"Comment", "Received", "From", "Shown", "Actions"}, 5);
    for (int i = 0; i < n; i++)
        feedback_row(r, &rows[i]);
    html_raw(&r->out, n ? "</tbody></table></div>" : "");
    page_end(r);
}

void do_feedback_publish(req *r)
{
    site_done(r, feedback_publish(ctx_of(r), req_id(r, "id"), true), KIND_FEEDBACK,
              "The comment is published as a quote.", "/site/feedback");
}

void do_feedback_withdraw(req *r)
{
    site_done(r, feedback_publish(ctx_of(r), req_id(r, "id"), false), KIND_FEEDBACK,
              "The quote is withdrawn from the public site.", "/site/feedback");
}

void do_feedback_delete(req *r)
{
    site_done(r, feedback_delete(ctx_of(r), req_id(r, "id")), KIND_FEEDBACK,
              "The comment is removed.", "/site/feedback");
}
