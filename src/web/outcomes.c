/* outcomes.c: a closed case's outcome on the web (R39): the case page's
 * section, and /cases/{id}/outcome, where the coordinator records the
 * rating before and after the cycle, whether the teacher stayed on the job
 * and the support that continues, and sees who was invited to the
 * end-of-cycle survey and who responded (names and yes or no, never an
 * answer). The teacher sees their outcome and a link to their survey. */
#include <inttypes.h>
#include <string.h>

#include "app/outcome.h"
#include "out/html.h"
#include "web/case_parts.h"
#include "web/goals.h"
#include "web/handlers.h"
#include "web/reports.h"

static const char *outcome_url(req *r, int64_t case_id, const char *rest)
{
    return arena_printf(r->a, "/cases/%" PRId64 "%s", case_id, rest);
}

/* The asker's invitation to answer this case's survey, when it waits. */
static void survey_link(req *r, const struct case_record *k)
{
    struct survey_invite *mine;
    int n = 0;
    if (surveys_waiting(ctx_of(r), &mine, &n) != APP_OK)
        return;
    for (int i = 0; i < n; i++)
        if (mine[i].case_id == k->id)
            html_printf(&r->out, "<p><a class=\"button\" href=\"%s\">Answer the end-of-cycle "
                                 "survey</a></p>",
                        outcome_url(r, k->id, "/survey"));
}

/* --- the case page's section --- */

/* Where the outcome stands before it is recorded, by the case's state. */
static void not_recorded(req *r, const struct case_record *k)
{
    html_raw(&r->out, k->state == CASE_CYCLE_CLOSED
                          ? "<p>The cycle is closed; its outcome is not recorded yet.</p>"
                      : k->state == CASE_WITHDRAWN
                          ? "<p>This case was withdrawn: its cycle did not end, so it has no "
                            "outcome.</p>"
                          : "<p>The outcome is recorded once the cycle is closed.</p>");
}

void outcome_summary(req *r, const struct case_record *k)
{
    struct outcome o;
    struct case_record again;
    const char *refusal;
    if (outcome_get(ctx_of(r), k->id, &again, &o, &refusal) != APP_OK)
        return;
    if (!o.version)
        not_recorded(r, k);
    else
        html_printf(&r->out, "<p>%s before the cycle, %s after; %s.</p>",
                    rating_label(o.before), rating_label(o.after), stayed_label(o.stayed));
    survey_link(r, k);
}

/* --- the page --- */

static const struct option before_options[] = {
    {"none", "Not known"},
    {"exemplary", "Exemplary"},
    {"proficient", "Proficient"},
    {"needs_improvement", "Needs Improvement"},
    {"unsatisfactory", "Unsatisfactory"},
};
static const struct option after_options[] = {
    {"", "Choose a rating"},
    {"exemplary", "Exemplary"},
    {"proficient", "Proficient"},
    {"needs_improvement", "Needs Improvement"},
    {"unsatisfactory", "Unsatisfactory"},
};
static const struct option stayed_options[] = {
    {"yes", "Yes, stayed on the job"},
    {"no", "No, left the job"},
    {"unknown", "Not known yet"},
};
#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

static void outcome_record(req *r, const struct outcome *o)
{
    html_raw(&r->out, "<dl class=\"record\">");
    html_printf(&r->out, "<div><dt>Rating before the cycle</dt><dd>%s</dd></div>",
                o->before == RATING_NONE ? "Not known" : rating_label(o->before));
    html_printf(&r->out, "<div><dt>Rating after the cycle</dt><dd>%s</dd></div>",
                rating_label(o->after));
    html_printf(&r->out, "<div><dt>Stayed on the job</dt><dd>%s</dd></div>",
                stayed_label(o->stayed));
    html_printf(&r->out, "<div><dt>Continued support</dt><dd>%s</dd></div>",
                *o->continued_support ? o->continued_support : "None recorded");
    html_printf(&r->out, "<div><dt>School year</dt><dd>%s</dd></div>",
                report_year(r, o->school_year));
    html_printf(&r->out, "<div><dt>Recorded by</dt><dd>%s, ", o->recorded_by);
    html_time(r, o->recorded_at);
    html_raw(&r->out, "</dd></div></dl>");
}

static void outcome_form(req *r, const struct case_record *k, const struct outcome *o,
                         const struct outcome_input *in, const struct errors *errs)
{
    html_printf(&r->out,
                "<section class=\"panel\" aria-labelledby=\"record-outcome\"><h2 "
                "id=\"record-outcome\">%s the outcome</h2><p>The program measures the "
                "share of teachers who reach Proficient and the share who stay on the job. "
                "The ratings are filled in from the inquiry and, on a PAR case, the Panel's "
                "approved decision; correct them if you know better. Recording the outcome "
                "sends the end-of-cycle survey to the teacher%s.</p>",
                o->version ? "Revise" : "Record",
                k->track == TRACK_PAR ? " and the school's administrators" : "");
    form_errors(r, errs);
    form_begin(r, outcome_url(r, k->id, "/outcome"));
    version_field(r, o->version);
    field_select(r,
                 &(struct field){.name = "rating_before", .label = "Rating before the cycle",
                                 .value = in->rating_before, .required = true},
                 before_options, COUNT(before_options), errs);
    field_select(r,
                 &(struct field){.name = "rating_after", .label = "Rating after the cycle",
                                 .value = in->rating_after, .required = true},
                 after_options, COUNT(after_options), errs);
    field_select(r,
                 &(struct field){.name = "stayed", .label = "Did the teacher stay on the job?",
                                 .value = in->stayed, .required = true},
                 stayed_options, COUNT(stayed_options), errs);
    field_textarea(r,
                   &(struct field){.name = "continued_support", .label = "Continued support",
                                   .value = in->continued_support,
                                   .hint = "Support that goes on after the cycle, if any."},
                   errs);
    form_end(r, "Record the outcome");
    html_raw(&r->out, "</section>");
}

/* R39: who was asked and who answered; never what anyone answered. */
static void invitations(req *r, const struct case_record *k)
{
    struct survey_invite *v;
    int n = 0;
    struct page_of pg = {.page = 1, .per_page = 200};
    if (surveys_list(ctx_of(r), k->id, &pg, &v, &n) != APP_OK)
        return;
    html_raw(&r->out, "<section aria-labelledby=\"surveys\"><h2 id=\"surveys\">End-of-cycle "
                      "survey</h2><p>Who was asked to answer and who did. The answers are kept "
                      "without names: nobody, the coordinator included, can see whose answer "
                      "is whose.</p>");
    if (!n)
        html_raw(&r->out, "<p>Nobody has been asked yet: the survey goes out when the outcome "
                          "is recorded.</p>");
    else
        html_raw(&r->out, "<ul>");
    for (int i = 0; i < n; i++)
        html_printf(&r->out, "<li>%s (the %s): %s</li>", v[i].person_name, v[i].party,
                    v[i].responded ? "responded" : "not yet responded");
    html_raw(&r->out, n ? "</ul>" : "");
    html_raw(&r->out, "<p><a href=\"/surveys\">Every case's survey</a></p></section>");
}

static void outcome_page(req *r, const struct case_record *k, const struct outcome *o,
                         const struct outcome_input *in, const struct errors *errs)
{
    struct ctx *c = ctx_of(r);
    case_part_begin(r, k, "Outcome", "outcome");
    if (o->version)
        outcome_record(r, o);
    else
        not_recorded(r, k);
    if (casework_may(c, k, ACT_EDIT, KIND_OUTCOME) && step_offered(r, k, "record_outcome"))
        outcome_form(r, k, o, in, errs);
    survey_link(r, k);
    if (app_authorize(c, ACT_LIST, KIND_SURVEY, NULL) == APP_OK)
        invitations(r, k);
    page_end(r);
}

static bool outcome_open_page(req *r, struct case_record *k, struct outcome *o)
{
    const char *refusal = NULL;
    enum app_status s = outcome_get(ctx_of(r), req_id(r, "id"), k, o, &refusal);
    if (s != APP_OK)
        web_refuse(r, s, refusal, KIND_OUTCOME);
    return s == APP_OK;
}

void page_outcome(req *r)
{
    struct case_record k;
    struct outcome o;
    if (!outcome_open_page(r, &k, &o))
        return;
    struct outcome_input in = {rating_key(o.before), o.after == RATING_NONE ? "" : rating_key(o.after),
                               stayed_key(o.stayed), o.continued_support};
    outcome_page(r, &k, &o, &in, NULL);
}

void do_outcome_save(req *r)
{
    int64_t case_id = req_id(r, "id");
    struct outcome_input in = {form_value(r, "rating_before"), form_value(r, "rating_after"),
                               form_value(r, "stayed"), form_value(r, "continued_support")};
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    enum app_status s = outcome_save(ctx_of(r), case_id, parse_id(form_value(r, "version")), &in,
                                     &errs, &refusal);
    if (s == APP_INVALID) {
        struct case_record k;
        struct outcome o;
        if (!outcome_open_page(r, &k, &o))
            return;
        r->status = 400;
        outcome_page(r, &k, &o, &in, &errs);
        return;
    }
    if (s != APP_OK) {
        web_refuse(r, s, refusal, KIND_OUTCOME);
        return;
    }
    web_flash(r, "The outcome is recorded. The end-of-cycle survey is sent to those who answer "
                 "it.");
    res_redirect(r, outcome_url(r, case_id, "/outcome"));
}
