/* audit.c: the coordinator browses the audit log (R38); the table is also
 * what a person sees of their own record's history (R37). */
#include <inttypes.h>
#include <string.h>

#include "app/people.h"
#include "domain/people.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

void audit_table(req *r, const struct audit_entry *rows, int n, bool with_subject)
{
    buf *o = &r->out;
    if (!n) {
        html_raw(o, "<p>No entries.</p>");
        return;
    }
    /* Markup goes through html_raw(): a %s argument is escaped as text. */
    html_raw(o, "<div class=\"table-wrap\" tabindex=\"0\"><table><caption class=\"visually-hidden\">"
                "Audit entries, newest first</caption><thead><tr><th scope=\"col\">When</th>"
                "<th scope=\"col\">Who</th><th scope=\"col\">What</th>");
    if (with_subject)
        html_raw(o, "<th scope=\"col\">About</th>");
    html_raw(o, "<th scope=\"col\">From</th></tr></thead><tbody>");
    for (int i = 0; i < n; i++) {
        const struct audit_entry *e = &rows[i];
        html_raw(o, "<tr><td>");
        if (e->times > 1) { /* R37: repeated views, folded (a record's history) */
            html_printf(o, "Viewed %d times: ", e->times);
            html_time(r, e->first_at);
            html_raw(o, " – ");
        }
        html_time(r, e->at);
        html_printf(o, "</td><td>%s</td><td>%s</td>", e->actor, plain_words(r, e->summary, NULL));
        if (with_subject)
            html_printf(o, "<td>%s</td>", e->subject_name);
        html_printf(o, "<td>%s</td></tr>", e->address);
    }
    html_raw(o, "</tbody></table></div>");
}

static const char *audit_base(req *r, const struct audit_filter *f)
{
    buf b;
    buf_init(&b, r->a);
    buf_puts(&b, "/audit?q=");
    url_encode(&b, f->q ? f->q : "");
    buf_puts(&b, "&kind=");
    url_encode(&b, f->kind ? f->kind : "");
    return buf_cstr(&b);
}

void page_audit(req *r)
{
    struct audit_filter f = {.q = req_query(r, "q"), .kind = req_query(r, "kind"),
                             .actor_id = parse_id(req_query(r, "actor_id")),
                             .subject_id = parse_id(req_query(r, "subject_id"))};
    struct page_of pg = {.page = req_page(r), .per_page = 50};
    struct audit_entry *rows;
    int n;
    enum app_status s = audit_list(ctx_of(r), &f, &pg, &rows, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_AUDIT);
        return;
    }
    page_begin(r, "Audit log");
    html_raw(&r->out, "<p>Every change, and every view of a confidential record, newest first. "
                      "Entries cannot be edited; <code>parley audit verify</code> proves it.</p>"
                      "<form method=\"get\" action=\"/audit\" role=\"search\">");
    field_input(r, &(struct field){.name = "q", .label = "Words in the entry or the person acting",
                                   .type = "search", .value = f.q, .filter = true}, NULL);
    static const struct option kinds[] = {
        {"", "Any kind"},          {"person", "People"},     {"school", "Schools"},
        {"role", "Roles"},         {"session", "Sign-ins"},  {"password", "Passwords"},
        {"password_link", "Password links"}, {"api_token", "API tokens"},
        {"setting", "Settings"},
    };
    field_select(r, &(struct field){.name = "kind", .label = "Kind of record", .value = f.kind,
                                    .filter = true},
                 kinds, (int)(sizeof kinds / sizeof *kinds), NULL);
    html_printf(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                         "Filter</button></div></form><p role=\"status\">%lld entries.</p>",
                (long long)pg.total);
    audit_table(r, rows, n, true);
    pagination(r, audit_base(r, &f), pg.page, pg.per_page, pg.total);
    page_end(r);
}
