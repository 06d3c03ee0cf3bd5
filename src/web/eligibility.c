/* eligibility.c: the public eligibility checker (R1-R6, R9). A GET form:
 * nothing is stored, so it needs no account and no CSRF token, and it works
 * without JavaScript. The answer lists every criterion, passed or failed,
 * with the rule it comes from and what the teacher can do instead. */
#include "web/eligibility.h"

#include "domain/rule_words.h"
#include "out/html.h"
#include "web/handlers.h"
#include "web/web.h"

void eligibility_fields(req *r, const struct eligibility_answers *in, bool yours,
                        const struct errors *errs)
{
    field_input(r, &(struct field){.name = "district_year", .label = district_year_question(yours),
                                   .hint = district_year_hint(yours), .type = "number",
                                   .value = in->district_year, .required = true},
                errs);
    struct option plans[PLAN_COUNT + 1] = {{"", "Choose a plan"}};
    for (int p = 0; p < PLAN_COUNT; p++)
        plans[p + 1] = (struct option){plan_type_key((enum plan_type)p),
                                       plan_type_label((enum plan_type)p)};
    field_select(r, &(struct field){.name = "plan",
                                    .label = yours ? "Your evaluation plan" : "Evaluation plan",
                                    .value = in->plan, .required = true},
                 plans, PLAN_COUNT + 1, errs);
    field_input(r, &(struct field){.name = "months", .label = "Length of the plan, in months",
                                   .type = "number", .value = in->months, .required = true},
                errs);
    struct option ratings[RATING_COUNT + 1] = {{"", "Choose a rating"}};
    for (int i = 0; i < RATING_COUNT; i++)
        ratings[i + 1] = (struct option){rating_key((enum rating)i), rating_label((enum rating)i)};
    field_select(r, &(struct field){.name = "rating",
                                    .label = yours ? "Your most recent overall rating"
                                                   : "Most recent overall rating",
                                    .value = in->rating, .required = true},
                 ratings, RATING_COUNT + 1, errs);
    field_yes_no(r, &(struct field){.name = "union_member",
                                    .label = yours ? "Are you a member of the union?"
                                                   : "Member of the union?",
                                    .value = in->union_member},
                 errs);
    field_yes_no(r, &(struct field){.name = "full_time",
                                    .label = yours ? "Do you work full time?" : "Works full time?",
                                    .value = in->full_time},
                 errs);
    struct option jobs[JOB_COUNT + 1] = {{"", yours ? "Choose your job" : "Choose the job"}};
    for (int j = 0; j < JOB_COUNT; j++)
        jobs[j + 1] = (struct option){job_type_key((enum job_type)j), job_type_label((enum job_type)j)};
    field_select(r, &(struct field){.name = "job", .label = yours ? "Your job" : "Job",
                                    .value = in->job, .required = true},
                 jobs, JOB_COUNT + 1, errs);
}

struct eligibility_answers eligibility_answers_from_form(req *r)
{
    return (struct eligibility_answers){
        form_value(r, "district_year"), form_value(r, "plan"),      form_value(r, "months"),
        form_value(r, "rating"),        form_value(r, "union_member"), form_value(r, "full_time"),
        form_value(r, "job")};
}

static void checker_form(req *r, const struct eligibility_answers *in, const struct errors *errs)
{
    form_errors(r, errs);
    html_raw(&r->out, "<form method=\"get\" action=\"/eligibility\" novalidate>"
                      "<input type=\"hidden\" name=\"check\" value=\"1\">");
    eligibility_fields(r, in, true, errs);
    html_raw(&r->out, "<div class=\"form-actions\"><button type=\"submit\" class=\"button\">"
                      "Check my eligibility</button></div></form>");
}

void eligibility_criteria(req *r, const struct eligibility *e)
{
    html_printf(&r->out, "<p role=\"status\"><strong>%s</strong></p><ul class=\"criteria\">",
                e->advice);
    for (int i = 0; i < e->n; i++) {
        const struct rule_words *w = rule_words_of(e->c[i].rule, NULL);
        html_printf(&r->out, "<li class=\"%s\"><strong>%s</strong>",
                    e->c[i].passed ? "criterion-pass" : "criterion-fail",
                    e->c[i].passed ? "Met" : "Not met");
        if (w)
            html_printf(&r->out, " · <a class=\"rule\" href=\"/help/rules#R%d\">%s</a>", w->number,
                        w->title);
        html_printf(&r->out, ": %s</li>", e->c[i].sentence);
    }
    html_raw(&r->out, "</ul>");
}

static void checker_answer(req *r, const struct eligibility *e)
{
    buf *o = &r->out;
    html_raw(o, "<section class=\"panel\" aria-labelledby=\"answer\"><h2 id=\"answer\">"
                "Your answer</h2>");
    eligibility_criteria(r, e);
    html_raw(o, "<p>This check is a guide: the coordinator confirms the facts at your "
                "first meeting. Nothing you entered here was stored.</p></section>");
}

void page_eligibility(req *r)
{
    struct eligibility_answers in = {req_query(r, "district_year"), req_query(r, "plan"),
                                     req_query(r, "months"),       req_query(r, "rating"),
                                     req_query(r, "union_member"), req_query(r, "full_time"),
                                     req_query(r, "job")};
    struct errors errs = {0};
    struct eligibility_facts facts;
    bool asked = req_query(r, "check") != NULL;
    bool valid = asked && eligibility_facts_parse(&in, true, &facts, &errs);
    if (asked && !valid)
        r->status = 400;
    page_begin(r, "Am I eligible?");
    if (valid) {
        struct ctx *c = ctx_of(r);
        struct eligibility_settings s = {program_setting_int(c, "min_years_experience"),
                                         program_setting_int(c, "par_min_plan_months")};
        struct eligibility e;
        eligibility_check(&facts, &s, &e);
        checker_answer(r, &e);
    } else {
        html_raw(&r->out, "<p>Answer a few questions to see whether Peer Assistance (PA) or "
                          "Peer Assistance and Review (PAR) is open to you, and why. Nothing "
                          "you enter is stored.</p>");
    }
    checker_form(r, &in, asked ? &errs : NULL);
    page_end(r);
}
