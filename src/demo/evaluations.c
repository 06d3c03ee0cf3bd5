/* evaluations.c: the small demo's formative assessment on its PAR
 * case (case 2: teacher@, ct1@), made through the use cases by the person
 * whose step each is, at the time it happened (c->now): the CT writes and
 * rates it (R26) and shares it with the teacher, who signs it with a
 * written response (R20). The caller keeps and restores c->who and c->now. */

#include "app/evaluation.h"
#include "demo/demo.h"

#define DAY 86400

/* The draft's ratings: Proficient on every standard but IV. */
static enum app_status rate(struct ctx *c, int64_t case_id, int64_t id, struct errors *errs,
                            const char **refusal)
{
    struct case_record k;
    struct evaluation e;
    enum app_status s = evaluation_get(c, case_id, id, ACT_EDIT, &k, &e, refusal);
    if (s != APP_OK)
        return s;
    struct evaluation_rating_input *in = arena_alloc(c->a, sizeof *in * (size_t)(e.nratings + 1));
    for (int i = 0; i < e.nratings; i++)
        in[i] = (struct evaluation_rating_input){
            e.ratings[i].standard_id, i == 3 ? "needs_improvement" : "proficient",
            i == 0   ? "Units are planned backwards from common assessments."
            : i == 1 ? "Lessons open with a clear aim; questioning now reaches most students."
                     : "",
            "rating", "comment"};
    struct evaluation_input draft = {
        "Mid-cycle: planning and instruction are at Proficient; collaboration with colleagues "
        "is the area to work on before the summative evaluation.",
        "proficient", in, e.nratings};
    return evaluation_update(c, case_id, id, 0, &draft, errs, refusal);
}

enum app_status evaluations_demo(struct ctx *c)
{
    int64_t case_id = demo_case_of(c, "teacher@parley.test"), id = 0, today = app_now(c);
    if (!case_id || !demo_act_as(c, "ct1@parley.test"))
        return APP_OK;
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    c->now = today - 6 * DAY;
    enum app_status s = demo_said(evaluation_create(c, case_id, "formative", &id, &errs, &refusal),
                                  "evaluation create", &errs, refusal);
    if (s == APP_OK)
        s = demo_said(rate(c, case_id, id, &errs, &refusal), "evaluation rate", &errs, refusal);
    c->now = today - 5 * DAY;
    if (s == APP_OK)
        s = demo_said(
            evaluation_step_take(c, case_id, id, 0, EVAL_SHARE_TEACHER, NULL, &errs, &refusal),
            "evaluation share", &errs, refusal);
    c->now = today - 3 * DAY;
    if (s == APP_OK && demo_act_as(c, "teacher@parley.test"))
        s = demo_said(evaluation_step_take(c, case_id, id, 0, EVAL_SIGN,
                                           "I have read it. I see collaboration differently: our "
                                           "department meets weekly and I lead its data talks.",
                                           &errs, &refusal),
                      "evaluation sign", &errs, refusal);
    return s;
}
