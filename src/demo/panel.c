/* panel.c: the small demo's Panel: a session scheduled by the
 * coordinator two weeks ahead, with the program's vote rule and quorum and
 * nothing on its docket yet (the PAR case's recommendation is not sent). */
#include <stdio.h>

#include "app/panel.h"
#include "base/clock.h"
#include "demo/demo.h"

#define DAY 86400

enum app_status panel_demo(struct ctx *c)
{
    struct actor saved = c->who;
    if (!demo_act_as(c, "coordinator@parley.test"))
        return APP_ERROR;
    int64_t id = 0;
    struct errors errs = {.n = 0};
    struct panel_session_input in = {.held_on = clock_date(c->a, app_now(c) + 14 * DAY),
                                     .starts_at = "16:00",
                                     .place = "Central Office, Room 204"};
    enum app_status s = panel_session_create(c, &in, &id, &errs);
    if (s != APP_OK)
        fprintf(stderr, "parley: demo: a Panel session: %s\n",
                errs.n ? errs.e[0].message : "refused");
    c->who = saved;
    return s;
}
