/* schools.c: the coordinator's pages for the program's schools. */
#include <inttypes.h>

#include "app/people.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

static struct school_input school_input_from_form(req *r)
{
    return (struct school_input){.name = form_value(r, "name"), .code = form_value(r, "code"),
                                 .address = form_value(r, "address")};
}

static void school_form(req *r, const char *title, const char *action,
                        const struct school_input *in, int64_t version, const struct errors *errs)
{
    page_begin(r, title);
    form_errors(r, errs);
    form_begin(r, action);
    if (version)
        version_field(r, version);
    field_input(r, &(struct field){.name = "name", .label = "Name", .value = in->name,
                                   .required = true}, errs);
    field_input(r, &(struct field){.name = "code", .label = "Short code", .value = in->code,
                                   .required = true, .hint = "Letters or digits, such as BLHS."},
                errs);
    field_input(r, &(struct field){.name = "address", .label = "Address", .value = in->address},
                errs);
    form_end(r, version ? "Save changes" : "Add this school");
    page_end(r);
}

void page_schools(req *r)
{
    const char *q = req_query(r, "q");
    struct page_of pg = {.page = req_page(r), .per_page = 50};
    struct school *schools;
    int n;
    enum app_status s = schools_list(ctx_of(r), q, &pg, &schools, &n);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    page_begin(r, "Schools");
    html_raw(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/schools/new\">Add a "
                      "school</a></p><form method=\"get\" action=\"/schools\" role=\"search\">");
    field_input(r, &(struct field){.name = "q", .label = "Name or code", .type = "search", .value = q,
                                   .filter = true},
                NULL);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">Search"
                      "</button></div></form><div class=\"table-wrap\" tabindex=\"0\"><table>"
                      "<caption class=\"visually-hidden\">Schools</caption><thead><tr>"
                      "<th scope=\"col\">Name</th><th scope=\"col\">Code</th>"
                      "<th scope=\"col\" class=\"num\">People</th></tr></thead><tbody>");
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<tr><td><a href=\"/schools/%lld\">%s</a></td><td>%s</td>"
                             "<td class=\"num\">%lld</td></tr>",
                    (long long)schools[i].id, schools[i].name, schools[i].code,
                    (long long)schools[i].people);
    table_end(r);
    buf base;
    buf_init(&base, r->a);
    buf_puts(&base, "/schools?q=");
    url_encode(&base, q ? q : "");
    pagination(r, buf_cstr(&base), pg.page, pg.per_page, pg.total);
    page_end(r);
}

void page_school_new(req *r)
{
    school_form(r, "Add a school", "/schools", &(struct school_input){0}, 0, NULL);
}

void do_school_create(req *r)
{
    struct school_input in = school_input_from_form(r);
    struct errors errs = {0};
    int64_t id;
    enum app_status s = school_create(ctx_of(r), &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        school_form(r, "Add a school", "/schools", &in, 0, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    web_flash(r, arena_printf(r->a, "%s was added.", in.name));
    res_redirect(r, arena_printf(r->a, "/schools/%" PRId64, id));
}

void page_school(req *r)
{
    struct school sc;
    enum app_status s = school_get(ctx_of(r), req_id(r, "id"), &sc);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    page_begin(r, sc.name);
    html_printf(&r->out, "<p class=\"page-actions\"><a class=\"button\" href=\"/schools/%lld/edit\">"
                         "Change details</a></p><dl class=\"record\">"
                         "<div><dt>Code</dt><dd>%s</dd></div>"
                         "<div><dt>Address</dt><dd>%s</dd></div>"
                         "<div><dt>People</dt><dd><a href=\"/people?school_id=%lld\">%lld</a></dd></div>"
                         "</dl>",
                (long long)sc.id, sc.code, *sc.address ? sc.address : "—", (long long)sc.id,
                (long long)sc.people);
    page_end(r);
}

void page_school_edit(req *r)
{
    struct school sc;
    enum app_status s = school_get(ctx_of(r), req_id(r, "id"), &sc);
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    struct school_input in = {.name = sc.name, .code = sc.code, .address = sc.address};
    school_form(r, "Change a school", arena_printf(r->a, "/schools/%" PRId64, sc.id), &in,
                sc.version, NULL);
}

void do_school_update(req *r)
{
    int64_t id = req_id(r, "id");
    struct school_input in = school_input_from_form(r);
    struct errors errs = {0};
    int64_t version = parse_id(req_form(r, "version"));
    enum app_status s = school_update(ctx_of(r), id, version, &in, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        school_form(r, "Change a school", arena_printf(r->a, "/schools/%" PRId64, id), &in,
                    version, &errs);
        return;
    }
    if (s != APP_OK) {
        web_fail(r, s, KIND_SCHOOL);
        return;
    }
    web_flash(r, "The changes are saved.");
    res_redirect(r, arena_printf(r->a, "/schools/%" PRId64, id));
}
