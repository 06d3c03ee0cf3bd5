/* casework.c: the small demo's casework on its two cases (case 1 PA,
 * case 2 PAR), each record made through its use case by the person whose
 * work it is, in the order the work happens. Every part of the cycle has at
 * least one record on each case: the permission tests ask about case 1's.
 * Then the end of the cycle's standing records: a formative assessment of
 * the PAR case, a Panel session to come, the CTs' terms. */
#include "app/ct_terms.h"
#include "app/enrolment.h"
#include "app/evaluation.h"
#include "app/goals.h"
#include "app/meetings.h"
#include "app/observation.h"
#include "app/outcome.h"
#include "app/panel.h"
#include "demo/demo.h"

static enum app_status (*const demo_parts[])(struct ctx *) = {
    goals_demo,        /* the goals bank, self-assessments, goals */
    observations_demo, /* observations and artifacts of both cases */
    meetings_demo,     /* the coaching log and the parley meetings */
    evaluations_demo,  /* the PAR case's formative, shared and signed */
    panel_demo,        /* a Panel session two weeks ahead, its docket still empty */
    outcomes_demo,     /* the outcomes and surveys of cycles closed (R39) */
};

int64_t demo_indicator_id(struct ctx *c, const char *code)
{
    int64_t id = 0;
    db_int_query(c->db, &id,
                 "SELECT i.id FROM rubric_indicator i JOIN rubric_standard s ON "
                 "s.id = i.standard_id WHERE i.code = ? AND s.program_id = ?",
                 "si", code, c->who.program_id);
    return id;
}

enum app_status casework_demo(struct ctx *c)
{
    struct actor saved = c->who;
    int64_t saved_now = c->now;
    enum app_status s = APP_OK;
    for (size_t i = 0; i < sizeof demo_parts / sizeof *demo_parts && s == APP_OK; i++)
        s = demo_parts[i](c);
    c->who = saved;
    c->now = saved_now;
    return s;
}
