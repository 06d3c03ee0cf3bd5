/* casework_demo.c: the small demo's casework on its two cases (case 1 PA,
 * case 2 PAR), each record made through its use case by the person whose
 * work it is. Every part has at least one record on each case: the
 * permission tests ask about case 1's. */
#include "app/enrolment.h"

enum app_status casework_demo(struct ctx *c)
{
    struct actor saved = c->who;
    int64_t saved_now = c->now;
    enum app_status s = APP_OK;
    /* goals */
    enum app_status goals_demo(struct ctx *);   /* app/goals.h */
    if (s == APP_OK)
        s = goals_demo(c);   /* the goals bank, self-assessments, goals */
    /* end goals */
    /* observations */
    if (s == APP_OK) {
        /* app/observation.h's; declared here to stay within this part's lines */
        enum app_status observations_demo(struct ctx * c);
        s = observations_demo(c);   /* observations and artifacts of both cases */
    }
    /* end observations */
    /* meetings */
    enum app_status meetings_demo(struct ctx *);   /* app/meetings.h */
    if (s == APP_OK)
        s = meetings_demo(c);
    /* end meetings */
    c->who = saved;
    c->now = saved_now;
    return s;
}
