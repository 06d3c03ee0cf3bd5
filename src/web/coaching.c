/* coaching.c: a case's coaching log on the web (R16, R19): the entries,
 * newest first; the case's Consulting Teacher adds and corrects them. On a
 * PA case the page says plainly that the log is confidential: the policy
 * table keeps it from every evaluator. */
#include <inttypes.h>
#include <string.h>

#include "app/coaching.h"
#include "app/casework.h"
#include "base/clock.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/handlers.h"
#include "web/meetings_ui.h"

static struct coaching_input input_from_form(req *r)
{
    return (struct coaching_input){form_value(r, "on_date"), form_value(r, "minutes"),
                                   form_value(r, "kind"), form_value(r, "focus"),
                                   form_value(r, "next_steps")};
}

static void entry_fields(req *r, const struct coaching_input *in, const struct errors *errs)
{
    struct option kinds[COACHING_KIND_COUNT + 1] = {{"", "Choose the kind of contact"}};
    for (int k = 0; k < COACHING_KIND_COUNT; k++)
        kinds[k + 1] = (struct option){coaching_kind_key((enum coaching_kind)k),
                                       coaching_kind_label((enum coaching_kind)k)};
    field_input(r, &(struct field){.name = "on_date", .label = "Date", .type = "date",
                                   .value = in->on_date, .required = true,
                                   .hint = "The day it took place."}, errs);
    field_input(r, &(struct field){.name = "minutes", .label = "Minutes", .type = "number",
                                   .value = in->minutes, .required = true,
                                   .hint = "How long, from 1 to 600."}, errs);
    field_select(r, &(struct field){.name = "kind", .label = "Kind", .value = in->kind,
                                    .required = true}, kinds, COACHING_KIND_COUNT + 1, errs);
    field_textarea(r, &(struct field){.name = "focus", .label = "Focus", .value = in->focus,
                                      .required = true,
                                      .hint = "What you worked on together."}, errs);
    field_textarea(r, &(struct field){.name = "next_steps", .label = "Next steps",
                                      .value = in->next_steps}, errs);
}

/* R16 in plain words, where it applies. */
static void confidentiality(req *r, const struct case_record *k)
{
    if (k->track == TRACK_PAR)
        html_raw(&r->out, "<p>On a PAR case the administrator of the teacher's school, the "
                          "secondary evaluator, also reads this log.</p>");
    else
        html_raw(&r->out, "<p class=\"flash\" id=\"confidential\">This coaching log is "
                          "confidential: it is never shown to an evaluator and is never "
                          "evidence in an evaluation.</p>");
}

static void entry_article(req *r, const struct case_record *k, const struct coaching_entry *e,
                          bool may_edit)
{
    html_printf(&r->out, "<article class=\"panel\" id=\"entry-%" PRId64 "\" aria-labelledby="
                         "\"h-entry-%" PRId64 "\"><h3 id=\"h-entry-%" PRId64 "\">",
                e->id, e->id, e->id);
    html_day(r, e->on_date);
    html_printf(&r->out, ": %s, %d minutes</h3><dl class=\"record\"><div><dt>Focus</dt>"
                         "<dd>%s</dd></div><div><dt>Next steps</dt><dd>%s</dd></div>"
                         "<div><dt>Written by</dt><dd>%s</dd></div></dl>",
                coaching_kind_label(e->kind), e->minutes, e->focus,
                *e->next_steps ? e->next_steps : "—", *e->author_name ? e->author_name : "—");
    if (may_edit)
        html_printf(&r->out, "<p><a href=\"/cases/%" PRId64 "/coaching/%" PRId64 "/edit\">"
                             "Correct this entry<span class=\"visually-hidden\"> of %s"
                             "</span></a></p>",
                    k->id, e->id, e->on_date);
    html_raw(&r->out, "</article>");
}

/* in, errs: the add form as it was sent, when it had errors. */
static void coaching_page(req *r, int64_t case_id, const struct coaching_input *in,
                          const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    struct case_record k;
    struct coaching_entry *entries;
    int n;
    const char *refusal = NULL;
    enum app_status s = coaching_list(c, case_id, &k, &entries, &n, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_COACHING);
        return;
    }
    if (errs)
        r->status = 400;
    case_part_begin(r, &k, "Coaching log", "coaching");
    confidentiality(r, &k);
    if (casework_may(c, &k, ACT_CREATE, KIND_COACHING) && k.state == CASE_ON_CASELOAD) {
        struct coaching_input blank = {.on_date = clock_date(r->a, app_now(c))};
        html_raw(&r->out, "<section class=\"panel\" aria-labelledby=\"h-add\"><h2 id=\"h-add\">"
                          "Add a visit or contact</h2>");
        form_errors(r, errs);
        form_begin(r, arena_printf(r->a, "/cases/%" PRId64 "/coaching", k.id));
        entry_fields(r, in ? in : &blank, errs);
        form_end(r, "Add to the log");
        html_raw(&r->out, "</section>");
    }
    html_printf(&r->out, "<h2>Entries, newest first</h2><p role=\"status\">%d %s.</p>", n,
                n == 1 ? "entry" : "entries");
    bool may_edit = casework_may(c, &k, ACT_EDIT, KIND_COACHING) && k.state == CASE_ON_CASELOAD;
    for (int i = 0; i < n; i++)
        entry_article(r, &k, &entries[i], may_edit);
    page_end(r);
}

void page_coaching(req *r)
{
    coaching_page(r, req_id(r, "id"), NULL, NULL);
}

void do_coaching_add(req *r)
{
    int64_t case_id = req_id(r, "id"), id = 0;
    struct coaching_input in = input_from_form(r);
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = coaching_add(ctx_of(r), case_id, &in, &id, &errs, &refusal);
    if (s == APP_INVALID) {
        coaching_page(r, case_id, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_COACHING);
        return;
    }
    web_flash(r, "Added to the coaching log.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/coaching#entry-%" PRId64, case_id, id));
}

/* in, errs: the correction as it was sent, when it had errors. */
static void coaching_edit_page(req *r, const struct coaching_input *in, const char *version,
                               const struct errors *errs)
{
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct case_record k;
    struct coaching_entry e;
    const char *refusal = NULL;
    enum app_status s = coaching_get(ctx_of(r), case_id, id, ACT_EDIT, &k, &e, &refusal);
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_COACHING);
        return;
    }
    if (errs)
        r->status = 400;
    struct coaching_input now = {e.on_date, arena_printf(r->a, "%d", e.minutes),
                                 coaching_kind_key(e.kind), e.focus, e.next_steps};
    case_part_begin(r, &k, "Correct a coaching log entry", "coaching");
    confidentiality(r, &k);
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "/cases/%" PRId64 "/coaching/%" PRId64, case_id, id));
    html_printf(&r->out, "<input type=\"hidden\" name=\"version\" value=\"%s\">",
                version ? version : id_text(r, e.version));
    entry_fields(r, in ? in : &now, errs);
    form_end(r, "Save the correction");
    html_printf(&r->out, "<p><a href=\"/cases/%" PRId64 "/coaching\">Back to the coaching log"
                         "</a></p>",
                case_id);
    page_end(r);
}

void page_coaching_edit(req *r)
{
    coaching_edit_page(r, NULL, NULL, NULL);
}

void do_coaching_update(req *r)
{
    int64_t case_id = req_id(r, "id"), id = req_id(r, "item");
    struct coaching_input in = input_from_form(r);
    const char *version = form_value(r, "version");
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = coaching_update(ctx_of(r), case_id, id, version, &in, &errs, &refusal);
    if (s == APP_INVALID) {
        coaching_edit_page(r, &in, version, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_COACHING);
        return;
    }
    web_flash(r, "The entry is corrected.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/coaching#entry-%" PRId64, case_id, id));
}

/* The case page's section: how many entries, the newest. */
void coaching_section(req *r, const struct case_record *k)
{
    int count = 0;
    const char *last = "";
    if (coaching_summary(ctx_of(r), k, &count, &last) != APP_OK)
        return;
    html_printf(&r->out, "<p>%d %s", count, count == 1 ? "entry" : "entries");
    if (*last) {
        html_raw(&r->out, "; the newest on ");
        html_day(r, last);
    }
    html_raw(&r->out, ".</p>");
    if (k->track != TRACK_PAR)
        html_raw(&r->out, "<p>Confidential: never shown to an evaluator, never evidence in an "
                          "evaluation.</p>");
}
