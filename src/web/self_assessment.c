/* self_assessment.c: the teacher's self-assessment on the web (R19): read
 * on the goals page by whoever may see it, written by the teacher on its
 * own page, strengths and areas for growth against each standard. */
#include <inttypes.h>

#include "out/html.h"
#include "web/case_parts.h"
#include "web/goals.h"
#include "web/handlers.h"

static const char *entry_field(req *r, const char *what, int64_t standard_id)
{
    return arena_printf(r->a, "%s_%" PRId64, what, standard_id);
}

void self_assessment_section(req *r, const struct case_record *k)
{
    struct ctx *c = ctx_of(r);
    struct self_assessment sa;
    struct case_record again;
    const char *refusal = NULL;
    if (!casework_may(c, k, ACT_VIEW, KIND_SELF_ASSESSMENT) ||
        self_assessment_get(c, k->id, &again, &sa, &refusal) != APP_OK)
        return;
    html_raw(&r->out, "<section aria-labelledby=\"self-assessment\"><h2 id=\"self-assessment\">"
                      "The teacher's self-assessment</h2>");
    bool writer =
        k->state == CASE_ON_CASELOAD && casework_may(c, k, ACT_EDIT, KIND_SELF_ASSESSMENT);
    if (!sa.updated_at) {
        html_raw(&r->out, "<p>Not written yet.</p>");
    } else {
        html_raw(&r->out, "<p>Last changed ");
        html_time(r, sa.updated_at);
        html_raw(&r->out, ".</p>");
    }
    for (int i = 0; i < sa.n && sa.updated_at; i++) {
        const struct self_assessment_entry *e = &sa.entries[i];
        html_printf(&r->out, "<h3>Standard %s: %s</h3><dl class=\"record\">", e->code, e->title);
        record_row_or_dash(r, "Strengths", e->strengths);
        record_row_or_dash(r, "Areas for growth", e->growth_areas);
        html_raw(&r->out, "</dl>");
    }
    if (writer)
        html_printf(&r->out,
                    "<p><a class=\"button button-secondary\" href=\"/cases/%" PRId64
                    "/self-assessment\">%s your self-assessment</a></p>",
                    k->id, sa.updated_at ? "Revise" : "Write");
    html_raw(&r->out, "</section>");
}

static void self_assessment_page(req *r, const struct case_record *k,
                                 const struct self_assessment *sa, const struct errors *errs)
{
    case_part_begin(r, k, "Your self-assessment", NULL);
    html_raw(&r->out, "<p>For each standard of the rubric, write what you do well and what you "
                      "want to grow in. Your Consulting Teacher reads it before your goals are "
                      "set.</p>");
    form_errors(r, errs);
    form_begin(r, arena_printf(r->a, "/cases/%" PRId64 "/self-assessment", k->id));
    for (int i = 0; i < sa->n; i++) {
        const struct self_assessment_entry *e = &sa->entries[i];
        html_printf(&r->out, "<fieldset class=\"field\"><legend>Standard %s: %s</legend>", e->code,
                    e->title);
        field_textarea(r,
                       &(struct field){.name = entry_field(r, "strengths", e->standard_id),
                                       .label = "Strengths",
                                       .value = e->strengths},
                       errs);
        field_textarea(r,
                       &(struct field){.name = entry_field(r, "growth_areas", e->standard_id),
                                       .label = "Areas for growth",
                                       .value = e->growth_areas},
                       errs);
        html_raw(&r->out, "</fieldset>");
    }
    form_end(r, "Save the self-assessment");
    page_end(r);
}

/* The teacher's page: the case opened for a change of the self-assessment. */
static enum app_status open_for_edit(req *r, struct case_record *k, struct self_assessment *sa)
{
    struct ctx *c = ctx_of(r);
    const char *refusal = NULL;
    enum app_status s =
        casework_open(c, req_id(r, "id"), ACT_EDIT, KIND_SELF_ASSESSMENT, k, &refusal);
    struct case_record again;
    if (s == APP_OK)
        s = self_assessment_get(c, k->id, &again, sa, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_SELF_ASSESSMENT);
    return s;
}

void page_self_assessment(req *r)
{
    struct case_record k;
    struct self_assessment sa;
    if (open_for_edit(r, &k, &sa) == APP_OK)
        self_assessment_page(r, &k, &sa, NULL);
}

void do_self_assessment(req *r)
{
    struct case_record k;
    struct self_assessment sa;
    if (open_for_edit(r, &k, &sa) != APP_OK)
        return;
    for (int i = 0; i < sa.n; i++) {
        struct self_assessment_entry *e = &sa.entries[i];
        e->strengths_field = entry_field(r, "strengths", e->standard_id);
        e->growth_field = entry_field(r, "growth_areas", e->standard_id);
        e->strengths = form_value(r, e->strengths_field);
        e->growth_areas = form_value(r, e->growth_field);
    }
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = self_assessment_save(ctx_of(r), k.id, sa.entries, sa.n, &errs, &refusal);
    if (s == APP_INVALID) {
        r->status = 400;
        self_assessment_page(r, &k, &sa, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_SELF_ASSESSMENT);
        return;
    }
    web_flash(r, "Your self-assessment is saved; your Consulting Teacher is told.");
    res_redirect(r, arena_printf(r->a, "/cases/%" PRId64 "/goals", k.id));
}
