/* rubric.c: the program's rubric on the web (R19): everyone signed in
 * reads its standards and indicators; the coordinator renames standards,
 * adds and edits indicators, retires and restores them (a retired one is
 * kept for what is tagged to it, and no longer offered), and, in an
 * installation that has no rubric, starts from the Massachusetts one. */
#include <inttypes.h>

#include "app/rubric_edit.h"
#include "out/html.h"
#include "web/goals.h"
#include "web/handlers.h"

static const char *rubric_url(req *r, const char *what, int64_t id, const char *rest)
{
    return arena_printf(r->a, "/rubric/%s/%" PRId64 "%s", what, id, rest);
}

static void indicator_item(req *r, const struct rubric_indicator *ind, bool editor)
{
    html_printf(&r->out, "<li><strong>%s %s</strong>", ind->code, ind->title);
    if (ind->retired)
        html_raw(&r->out, " <span class=\"badge\">Retired</span>");
    if (*ind->description)
        html_printf(&r->out, "<br>%s", ind->description);
    if (editor) {
        html_printf(&r->out,
                    "<br><a href=\"%s\">Edit <span class=\"visually-hidden\">%s</span>"
                    "</a> ",
                    rubric_url(r, "indicators", ind->id, "/edit"), ind->code);
        button_form(r, rubric_url(r, "indicators", ind->id, ind->retired ? "/restore" : "/retire"),
                    arena_printf(r->a, "%s %s", ind->retired ? "Restore" : "Retire", ind->code),
                    "button button-secondary");
    }
    html_raw(&r->out, "</li>");
}

static void standard_section(req *r, const struct rubric_standard *s, bool editor)
{
    html_printf(&r->out,
                "<section aria-labelledby=\"std-%" PRId64 "\"><h2 id=\"std-%" PRId64
                "\">Standard %s: %s</h2>",
                s->id, s->id, s->code, s->title);
    if (editor)
        html_printf(&r->out,
                    "<p><a href=\"%s\">Rename standard %s</a> · <a href=\"%s\">Add an "
                    "indicator to standard %s</a></p>",
                    rubric_url(r, "standards", s->id, "/edit"), s->code,
                    rubric_url(r, "standards", s->id, "/indicators/new"), s->code);
    html_raw(&r->out, "<ul>");
    for (int i = 0; i < s->nindicators; i++)
        indicator_item(r, &s->indicators[i], editor);
    html_raw(&r->out, "</ul></section>");
}

void page_rubric(req *r)
{
    struct ctx *c = ctx_of(r);
    bool editor = app_authorize(c, ACT_EDIT, KIND_RUBRIC, NULL) == APP_OK;
    struct rubric rb;
    enum app_status s = rubric_load(c, editor, &rb);
    if (s != APP_OK) {
        web_fail(r, s, KIND_RUBRIC);
        return;
    }
    page_begin(r, "The rubric");
    html_raw(&r->out, "<p>The standards and indicators of the program's teacher rubric. Goals "
                      "and evidence from observations and artifacts are tagged to its "
                      "indicators.</p>");
    if (editor)
        html_raw(&r->out, "<p>A retired indicator stays for the goals and evidence already "
                          "tagged to it, and is no longer offered for new ones.</p>");
    if (!rb.nstandards && editor) {
        html_raw(&r->out, "<p>The program has no rubric yet.</p>");
        button_form(r, "/rubric/seed", "Start from the Massachusetts rubric", NULL);
    } else if (!rb.nstandards) {
        html_raw(&r->out, "<p>The program has no rubric yet: the coordinator starts it.</p>");
    }
    for (int i = 0; i < rb.nstandards; i++)
        standard_section(r, &rb.standards[i], editor);
    page_end(r);
}

static void rubric_done(req *r, enum app_status s, const char *flash)
{
    if (s != APP_OK) {
        web_fail(r, s, KIND_RUBRIC);
        return;
    }
    web_flash(r, flash);
    res_redirect(r, "/rubric");
}

void do_rubric_seed(req *r)
{
    enum app_status s = rubric_start(ctx_of(r));
    if (s == APP_CONFLICT)
        web_error(r, 409, "The program has a rubric already: edit it instead.");
    else
        rubric_done(r, s, "The program's rubric starts from the Massachusetts teacher rubric.");
}

/* --- a standard's title --- */

static void standard_form_page(req *r, const struct rubric_standard *s, const char *title,
                               const struct errors *errs)
{
    page_begin(r, arena_printf(r->a, "Rename standard %s", s->code));
    html_raw(&r->out, "<p><a href=\"/rubric\">Back to the rubric</a></p>");
    form_errors(r, errs);
    form_begin(r, rubric_url(r, "standards", s->id, ""));
    field_input(
        r, &(struct field){.name = "title", .label = "Title", .value = title, .required = true},
        errs);
    form_end(r, "Save the title");
    page_end(r);
}

void page_rubric_standard_edit(req *r)
{
    struct rubric_standard s;
    enum app_status st = rubric_standard_get(ctx_of(r), req_id(r, "item"), &s);
    if (st != APP_OK)
        web_fail(r, st, KIND_RUBRIC);
    else
        standard_form_page(r, &s, s.title, NULL);
}

void do_rubric_standard_rename(req *r)
{
    struct ctx *c = ctx_of(r);
    struct errors errs = {.n = 0};
    struct rubric_standard s;
    const char *title = form_value(r, "title");
    enum app_status st = rubric_standard_rename(c, req_id(r, "item"), title, &errs);
    if (st == APP_INVALID && rubric_standard_get(c, req_id(r, "item"), &s) == APP_OK) {
        r->status = 400;
        standard_form_page(r, &s, title, &errs);
        return;
    }
    rubric_done(r, st, "The standard is renamed.");
}

/* --- indicators --- */

static void indicator_form_page(req *r, const char *title, const char *action,
                                const struct indicator_input *in, const struct errors *errs)
{
    page_begin(r, title);
    html_raw(&r->out, "<p><a href=\"/rubric\">Back to the rubric</a></p>");
    form_errors(r, errs);
    form_begin(r, action);
    field_input(r,
                &(struct field){.name = "code",
                                .label = "Code",
                                .value = in->code,
                                .required = true,
                                .hint = "Letters, digits, dashes and dots, as in II-B; "
                                        "unique within the standard."},
                errs);
    field_input(
        r, &(struct field){.name = "title", .label = "Title", .value = in->title, .required = true},
        errs);
    field_textarea(
        r, &(struct field){.name = "description", .label = "Description", .value = in->description},
        errs);
    form_end(r, "Save the indicator");
    page_end(r);
}

static struct indicator_input indicator_from_form(req *r)
{
    return (struct indicator_input){.code = form_value(r, "code"),
                                    .title = form_value(r, "title"),
                                    .description = form_value(r, "description")};
}

void page_rubric_indicator_new(req *r)
{
    struct rubric_standard s;
    enum app_status st = rubric_standard_get(ctx_of(r), req_id(r, "item"), &s);
    if (st != APP_OK)
        web_fail(r, st, KIND_RUBRIC);
    else
        indicator_form_page(r, arena_printf(r->a, "Add an indicator to standard %s", s.code),
                            rubric_url(r, "standards", s.id, "/indicators"),
                            &(struct indicator_input){0}, NULL);
}

void do_rubric_indicator_create(req *r)
{
    struct errors errs = {.n = 0};
    struct indicator_input in = indicator_from_form(r);
    int64_t standard_id = req_id(r, "item"), id;
    enum app_status s = rubric_indicator_add(ctx_of(r), standard_id, &in, &id, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        indicator_form_page(r, "Add an indicator",
                            rubric_url(r, "standards", standard_id, "/indicators"), &in, &errs);
        return;
    }
    rubric_done(r, s, "The indicator is added.");
}

void page_rubric_indicator_edit(req *r)
{
    struct rubric_indicator ind;
    enum app_status s = rubric_indicator_get(ctx_of(r), req_id(r, "item"), &ind);
    if (s != APP_OK)
        web_fail(r, s, KIND_RUBRIC);
    else
        indicator_form_page(r, arena_printf(r->a, "Edit indicator %s", ind.code),
                            rubric_url(r, "indicators", ind.id, ""),
                            &(struct indicator_input){ind.code, ind.title, ind.description}, NULL);
}

void do_rubric_indicator_update(req *r)
{
    struct errors errs = {.n = 0};
    struct indicator_input in = indicator_from_form(r);
    int64_t id = req_id(r, "item");
    enum app_status s = rubric_indicator_update(ctx_of(r), id, &in, &errs);
    if (s == APP_INVALID) {
        r->status = 400;
        indicator_form_page(r, "Edit the indicator", rubric_url(r, "indicators", id, ""), &in,
                            &errs);
        return;
    }
    rubric_done(r, s, "The indicator is saved.");
}

void do_rubric_indicator_retire(req *r)
{
    rubric_done(r, rubric_indicator_retire(ctx_of(r), req_id(r, "item"), true),
                "The indicator is retired: kept for what is tagged to it, no longer offered.");
}

void do_rubric_indicator_restore(req *r)
{
    rubric_done(r, rubric_indicator_retire(ctx_of(r), req_id(r, "item"), false),
                "The indicator is restored.");
}
