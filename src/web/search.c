/* search.c: the one search box (issue 18): in every signed-in page's
 * header, on the coordinator's dashboard, its results page and
 * /api/v1/search. What is found, and what the asker may open of it, is
 * app/search.c's; here it is grouped by kind, each result linked to its
 * record with why it was found. */
#include <inttypes.h>

#include "app/people.h"
#include "app/search.h"
#include "out/html.h"
#include "web/api.h"
#include "web/handlers.h"
#include "web/web.h"

#define SEARCH_LABEL "Name, email, school or reference"

/* Where each kind of result is opened. */
static const char *const record_paths[SEARCH_KINDS] = {
    [SEARCH_PEOPLE] = "/people/%" PRId64,
    [SEARCH_CASES] = "/cases/%" PRId64,
    [SEARCH_INQUIRIES] = "/intake/%" PRId64,
    [SEARCH_PSS_CASES] = "/pss/%" PRId64,
};
static const char *const kind_keys[SEARCH_KINDS] = {
    [SEARCH_PEOPLE] = "person",
    [SEARCH_CASES] = "case",
    [SEARCH_INQUIRIES] = "inquiry",
    [SEARCH_PSS_CASES] = "pss_case",
};
static const char *const field_keys[SEARCH_FIELDS] = {
    [SEARCH_NAME] = "name",
    [SEARCH_EMAIL] = "email",
    [SEARCH_SCHOOL] = "school",
    [SEARCH_REFERENCE] = "reference",
};

void search_box(req *r, const char *id, const char *label, bool label_shown)
{
    html_printf(&r->out,
                "<form class=\"search-box\" method=\"get\" action=\"/search\" "
                "role=\"search\" aria-label=\"%s\">",
                label);
    html_printf(&r->out,
                label_shown ? "<label for=\"%s\">%s</label> "
                            : "<label for=\"%s\" class=\"visually-hidden\">%s</label>",
                id, label);
    html_printf(&r->out,
                "<input type=\"search\" id=\"%s\" name=\"q\" maxlength=\"%d\" "
                "autocomplete=\"off\"> <button type=\"submit\">Search</button></form>",
                id, SEARCH_MAX_BYTES);
}

/* The results page's own box, keeping what was typed and saying what is
 * wrong with it beside it. */
static void search_form(req *r, const char *typed, const struct errors *errs)
{
    html_raw(&r->out, "<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\" "
                      "aria-label=\"Change the search\">");
    field_input(r,
                &(struct field){.name = "q",
                                .label = SEARCH_LABEL,
                                .type = "search",
                                .value = typed,
                                .filter = true,
                                .hint = "The start of a word is enough: \"Rodr\" finds "
                                        "Rodriguez."},
                errs);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                      "Search</button></div></form>");
}

/* "name matches: Maria Rodriguez", for each field that found it. */
static void hit_whys(req *r, enum search_kind kind, const struct search_hit *h)
{
    html_raw(&r->out, "<ul class=\"search-why\">");
    for (int f = 0; f < SEARCH_FIELDS; f++)
        if (h->fields & SEARCH_FIELD_BIT(f))
            html_printf(&r->out, "<li>%s: <mark>%s</mark></li>",
                        search_why(kind, (enum search_field)f), h->text[f]);
    html_raw(&r->out, "</ul>");
}

static void kind_section(req *r, const struct search_results *res, enum search_kind kind)
{
    html_printf(&r->out,
                "<section aria-labelledby=\"found-%s\"><h2 id=\"found-%s\">%s (%d%s)"
                "</h2><ul class=\"search-results\">",
                kind_keys[kind], kind_keys[kind], search_kind_label(kind), res->n[kind],
                res->more[kind] ? " shown" : "");
    for (int i = 0; i < res->n[kind]; i++) {
        const struct search_hit *h = &res->hits[kind][i];
        html_printf(&r->out, "<li><a href=\"%s\">%s</a>",
                    arena_printf(r->a, record_paths[kind], h->id), h->title);
        if (*h->detail)
            html_printf(&r->out, " <span class=\"hint\">%s</span>", h->detail);
        hit_whys(r, kind, h);
        html_raw(&r->out, "</li>");
    }
    html_raw(&r->out, "</ul>");
    if (res->more[kind])
        html_raw(&r->out, "<p>More may match than are shown here: type more of the name, or "
                          "another word of it.</p>");
    html_raw(&r->out, "</section>");
}

static void results(req *r, const char *typed, const struct search_results *res)
{
    int total = 0;
    for (int k = 0; k < SEARCH_KINDS; k++)
        total += res->n[k];
    if (!total) {
        html_printf(&r->out,
                    "<p role=\"status\">Nothing found for \"%s\" among what you may open.</p>",
                    typed);
        return;
    }
    html_printf(&r->out, "<p role=\"status\">%d result%s for \"%s\".</p>", total,
                total == 1 ? "" : "s", typed);
    for (int k = 0; k < SEARCH_KINDS; k++)
        if (res->n[k])
            kind_section(r, res, (enum search_kind)k);
}

void page_search(req *r)
{
    const char *typed = req_query(r, "q");
    struct search_results *res = arena_alloc(r->a, sizeof *res);
    struct errors errs = {0};
    enum app_status s = typed ? search_run(ctx_of(r), typed, res, &errs) : APP_OK;
    if (s != APP_OK && s != APP_INVALID) {
        web_fail(r, s, KIND_ACCOUNT);
        return;
    }
    if (s == APP_INVALID)
        r->status = 400;
    page_begin(r, "Search");
    form_errors(r, &errs);
    search_form(r, typed, &errs);
    if (typed && s == APP_OK)
        results(r, typed, res);
    page_end(r);
}

static void hit_json(json *j, enum search_kind kind, const struct search_hit *h, arena *a)
{
    json_obj_begin(j);
    json_kv_str(j, "kind", kind_keys[kind]);
    json_kv_int(j, "id", h->id);
    json_kv_str(j, "title", h->title);
    json_kv_str(j, "detail", h->detail);
    json_kv_str(j, "link", arena_printf(a, record_paths[kind], h->id));
    json_key(j, "matched");
    json_arr_begin(j);
    for (int f = 0; f < SEARCH_FIELDS; f++)
        if (h->fields & SEARCH_FIELD_BIT(f)) {
            json_obj_begin(j);
            json_kv_str(j, "field", field_keys[f]);
            json_kv_str(j, "why", search_why(kind, (enum search_field)f));
            json_kv_str(j, "text", h->text[f]);
            json_obj_end(j);
        }
    json_arr_end(j);
    json_obj_end(j);
}

void api_search(req *r)
{
    const char *typed = req_query(r, "q");
    struct search_results *res = arena_alloc(r->a, sizeof *res);
    struct errors errs = {0};
    enum app_status s = search_run(ctx_of(r), typed ? typed : "", res, &errs);
    if (s != APP_OK) {
        api_fail(r, s, KIND_ACCOUNT, &errs);
        return;
    }
    json j;
    api_list_begin(r, &j);
    int total = 0;
    for (int k = 0; k < SEARCH_KINDS; k++)
        for (int i = 0; i < res->n[k]; i++, total++)
            hit_json(&j, (enum search_kind)k, &res->hits[k][i], r->a);
    api_list_end(&j, total, NULL);
}
