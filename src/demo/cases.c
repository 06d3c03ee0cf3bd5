/* cases.c: the small demo's cases, a PA case and a PAR case, both on
 * a caseload, walked through the same workflow table as the
 * pages, each step taken by the person whose step it is. */
#include <inttypes.h>
#include <string.h>

#include "app/enrolment.h"
#include "base/clock.h"
#include "demo/demo.h"

/* --- the small demo: a PA case and a PAR case, both on a caseload --- */

/* The demo takes each step as the person whose step it is. */
int64_t demo_case_of(struct ctx *c, const char *teacher_email)
{
    int64_t id = 0;
    db_int_query(c->db, &id,
                 "SELECT k.id FROM teacher_case k JOIN person p ON p.id = k.teacher_id "
                 "WHERE p.email = ? AND k.program_id = ? ORDER BY k.id LIMIT 1",
                 "si", teacher_email, c->who.program_id);
    return id;
}

bool demo_act_as(struct ctx *c, const char *email)
{
    db_stmt *st = db_query(c->db, "SELECT id, name FROM person WHERE email = ?", "s", email);
    bool found = st && db_step(st) == DB_ROW;
    if (found) {
        c->who.person_id = db_int(st, 0);
        c->who.name = db_text_copy(st, 1, c->a);
    }
    if (st)
        db_done(st);
    c->who.roles = found ? person_roles(c, c->who.person_id) : 0;
    c->who.operator= false;
    return found;
}

static int64_t demo_inquiry(struct ctx *c, const char *ref, const char *email, const char *interest,
                            const char *message, int64_t at)
{
    int64_t id = 0, school = 0;
    db_stmt *st = db_query(c->db, "SELECT name, COALESCE(school_id, 0) FROM person WHERE email = ?",
                           "s", email);
    const char *name = NULL;
    if (st && db_step(st) == DB_ROW) {
        name = db_text_copy(st, 0, c->a);
        school = db_int(st, 1);
    }
    if (st)
        db_done(st);
    if (name) /* VALUES, not INSERT ... SELECT: PostgreSQL types the parameters by column */
        db_int_query(
            c->db, &id,
            "INSERT INTO inquiry (program_id, reference, name, email, school_id, interest, "
            "message, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', "
            "?, ?) RETURNING id",
            "issssssii", c->who.program_id, ref, name, email,
            school ? arena_printf(c->a, "%" PRId64, school) : NULL, interest, message, at, at);
    return id;
}

/* The demo names people by email; the steps take ids. */
static const char *demo_id(struct ctx *c, const char *email)
{
    int64_t id = 0;
    if (email)
        db_int_query(c->db, &id, "SELECT id FROM person WHERE email = ?", "s", email);
    return email ? arena_printf(c->a, "%" PRId64, id) : NULL;
}

struct demo_step {
    const char *actor, *to;
    int day; /* days after the inquiry */
    struct case_input in;
};

static enum app_status demo_walk(struct ctx *c, int64_t case_id, int64_t start,
                                 const struct demo_step *steps, int n)
{
    enum app_status s = APP_OK;
    for (int i = 0; i < n && s == APP_OK; i++) {
        struct errors errs = {.n = 0};
        const char *refusal = NULL;
        struct case_input in = steps[i].in;
        in.to = steps[i].to;
        if (in.at) /* "15:30": four days after the step, at that time */
            in.at = arena_printf(c->a, "%s %s",
                                 clock_date(c->a, start + (steps[i].day + 4) * 86400), in.at);
        in.ct_id = demo_id(c, in.ct_id);
        in.union_rep_id = demo_id(c, in.union_rep_id);
        c->now = start + steps[i].day * 86400;
        if (!demo_act_as(c, steps[i].actor))
            return APP_ERROR;
        s = demo_said(case_fire(c, case_id, &in, &errs, &refusal), steps[i].to, &errs, refusal);
    }
    return s;
}

static enum app_status demo_case(struct ctx *c, const char *ref, const char *email,
                                 const char *interest, int64_t start, int64_t *id)
{
    struct errors errs = {.n = 0};
    const char *refusal = NULL;
    int64_t inquiry = demo_inquiry(c, ref, email, interest,
                                   "I would like to talk to a Consulting Teacher.", start);
    c->now = start + 86400;
    demo_act_as(c, "coordinator@parley.test");
    enum app_status s = inquiry ? case_open(c, inquiry, id, &errs, &refusal) : APP_ERROR;
    return demo_said(s, arena_printf(c->a, "open %s", ref), &errs, refusal);
}

enum app_status enrolment_demo(struct ctx *c)
{
    struct actor saved = c->who;
    int64_t saved_now = c->now, now = app_now(c), pa_case = 0, par_case = 0;
    /* The PAR cycle is six weeks under way: its start meeting is due. */
    int64_t pa_start = now - 20 * 86400, par_start = now - 90 * 86400;
    const char *cycle_start = clock_date(c->a, now - 45 * 86400);
    const char *cycle_end = clock_date(c->a, now + 255 * 86400);
    /* The PA case first: case 1 involves none of the README's sign-ins but
     * the coordinator (the permission tests ask about it as a stranger's). */
    const struct demo_step pa[] = {
        {"coordinator@parley.test",
         "schedule_meeting",
         2,
         {.at = "15:30", .place = "Lincoln Park MS, room 204", .ct_id = "ct2@parley.test"}},
        {"ct2@parley.test", "hold_meeting", 6, {.notes = "Talked through PA and PAR."}},
        {"ct2@parley.test",
         "choose_track",
         7,
         {.track = "pa",
          .district_year = "4",
          .plan = "directed_growth",
          .months = "4",
          .rating = "needs_improvement",
          .union_member = "yes",
          .full_time = "yes",
          .job = "classroom_teacher"}},
        {"coordinator@parley.test", "assign_ct", 9, {.ct_id = "ct2@parley.test"}},
    };
    const struct demo_step par[] = {
        {"coordinator@parley.test",
         "schedule_meeting",
         3,
         {.at = "15:00", .place = "Riverside HS, library", .ct_id = "ct1@parley.test"}},
        {"ct1@parley.test", "hold_meeting", 8, {.notes = "Samuel chose to look at PAR."}},
        {"teacher@parley.test",
         "choose_track",
         10,
         {.track = "par",
          .district_year = "6",
          .plan = "improvement",
          .months = "12",
          .rating = "needs_improvement",
          .union_member = "yes",
          .full_time = "yes",
          .job = "classroom_teacher"}},
        {"ct1@parley.test",
         "schedule_review",
         12,
         {.at = "16:00", .place = "Union hall, room 3", .union_rep_id = "union@parley.test"}},
        {"union@parley.test",
         "hold_review",
         16,
         {.notes = "Rights and responsibilities reviewed."}},
        {"teacher@parley.test", "sign_agreement", 16, {0}},
        {"union@parley.test", "sign_agreement", 17, {0}},
        {"coordinator@parley.test", "assign_ct", 20, {.ct_id = "ct1@parley.test"}},
        {"principal@parley.test",
         "set_timeline",
         22,
         {.cycle_start = cycle_start,
          .cycle_end = cycle_end,
          .plan_type = "improvement",
          .plan_months = "10"}},
    };
    enum app_status s =
        demo_case(c, "INQ-DEMO-0001", "teacher2@parley.test", "pa", pa_start, &pa_case);
    if (s == APP_OK)
        s = demo_walk(c, pa_case, pa_start, pa, (int)(sizeof pa / sizeof *pa));
    if (s == APP_OK)
        s = demo_case(c, "INQ-DEMO-0002", "teacher@parley.test", "par", par_start, &par_case);
    if (s == APP_OK)
        s = demo_walk(c, par_case, par_start, par, (int)(sizeof par / sizeof *par));
    c->who = saved;
    c->now = saved_now;
    return s;
}
