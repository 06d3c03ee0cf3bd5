/* outcomes.c: the small demo's outcomes and surveys (R39), through the
 * use cases: the coordinator records the outcome of each case whose cycle
 * is closed (the ratings as prefilled, the teacher stayed), which invites
 * the survey's respondents; the teacher answers. The small demo's two
 * cases are on a caseload, so this records nothing until one is closed
 * (the large demo's history has 2,700 closed cycles: large_outcomes.c). */
#include <inttypes.h>

#include "app/outcome.h"
#include "demo/demo.h"

static enum app_status one_outcome(struct ctx *c, int64_t case_id)
{
    struct case_record k;
    struct outcome o;
    const char *refusal;
    struct errors errs = {.n = 0};
    if (!demo_act_as(c, "coordinator@parley.test"))
        return APP_ERROR;
    enum app_status s = outcome_get(c, case_id, &k, &o, &refusal);
    if (s != APP_OK)
        return s;
    const char *after = o.after == RATING_NONE ? "proficient" : rating_key(o.after);
    s = outcome_save(c, case_id, 0,
                     &(struct outcome_input){rating_key(o.before), after, "yes",
                                             "Monthly check-ins with a colleague in the same "
                                             "department for the next school year."},
                     &errs, &refusal);
    if (s != APP_OK || !demo_act_as(c, k.teacher_email))
        return s;
    return survey_answer(c, case_id,
                         &(struct survey_input){"4", "4", "5",
                                                "My Consulting Teacher listened before she "
                                                "advised."},
                         &errs, &refusal);
}

enum app_status outcomes_demo(struct ctx *c)
{
    int64_t ids[16];
    int n = 0;
    db_stmt *st = db_query(c->db,
                           "SELECT id FROM teacher_case WHERE program_id = ? AND state = "
                           "'cycle_closed' ORDER BY id",
                           "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    while (db_step(st) == DB_ROW && n < 16)
        ids[n++] = db_int(st, 0);
    db_done(st);
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++)
        s = one_outcome(c, ids[i]);
    return s;
}
